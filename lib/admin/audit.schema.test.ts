import { describe, expect, it } from "vitest";
import { AUDIT_MESSAGES, auditHref, auditParams, auditRangeErrors, auditSearchSchema } from "./audit.schema";

describe("auditSearchSchema", () => {
  it("reads wall clocks as typed, from a URL, or as a bare date, in the chosen zone", () => {
    const typed = auditSearchSchema.parse({ from: "2026-07-01 14:30", to: "2026-07-02", tz: "Europe/Berlin" });
    expect(typed.fromAt).toEqual(new Date("2026-07-01T12:30:00Z"));
    expect(typed.toAt).toEqual(new Date("2026-07-01T22:00:00Z"));
    expect(auditSearchSchema.parse({ from: "2026-07-01T14:30" }).fromAt).toEqual(new Date("2026-07-01T14:30:00Z"));
    expect(auditSearchSchema.parse({ tz: "utc" }).tz).toBe("UTC");
  });

  it("names every bad field at once, the range check included", () => {
    const result = auditSearchSchema.safeParse({ from: "2026-12-01 10:00", to: "2026-11-30 10:00", before: "abc" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["before", AUDIT_MESSAGES.cursor],
      ["to", AUDIT_MESSAGES.toBeforeFrom],
    ]);
  });

  it("accepts types and prefixes, nothing else", () => {
    expect(auditSearchSchema.parse({ type: "item.status_changed" }).type).toBe("item.status_changed");
    expect(auditSearchSchema.parse({ type: "checklist." }).type).toBe("checklist.");
    for (const type of ["Item", "item..x", ".item", "item.*", "item %"]) expect(auditSearchSchema.safeParse({ type }).success).toBe(false);
  });
});

describe("auditRangeErrors", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const horizon = { pastDays: 30, futureYears: 1 };
  it("bounds both ends by the instance horizon", () => {
    expect(auditRangeErrors({ fromAt: new Date("2026-11-03T12:00:00Z"), toAt: now }, now, horizon)).toBeNull();
    expect(auditRangeErrors({ fromAt: new Date("2026-11-01T00:00:00Z"), toAt: undefined }, now, horizon)).toEqual({
      from: ["“From” can reach back at most 30 days (to 2026-11-02)"],
    });
    expect(auditRangeErrors({ fromAt: undefined, toAt: new Date("2028-01-01T00:00:00Z") }, now, horizon)).toEqual({
      to: ["“To” must lie within 1 year from now (by 2027-12-02)"],
    });
  });
});

describe("auditParams and auditHref", () => {
  it("keeps the first of repeated params and leaves blanks out of links", () => {
    const params = auditParams({ actor: ["ada", "bob"], type: "item.", other: "x", from: "" });
    expect(params).toEqual({ actor: "ada", type: "item.", from: "" });
    expect(auditHref(params, { before: "42" })).toBe("/admin/audit?actor=ada&type=item.&before=42");
    expect(auditHref(params, { actor: "", type: "" })).toBe("/admin/audit");
  });
});
