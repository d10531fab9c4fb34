import { describe, expect, it } from "vitest";
import { durationNotice, wallClockNotice } from "./dst-notice";

describe("wallClockNotice", () => {
  it("says a time inside the spring-forward gap does not exist, and where the window would start", () => {
    const notice = wallClockNotice("2027-03-28T01:30", "Europe/London");
    expect(notice).toMatchObject({ kind: "gap", resolved: new Date("2027-03-28T01:30:00Z") });
    expect(notice?.message).toBe(
      "01:30 does not exist on 28 Mar in Europe/London: clocks jump from 01:00 to 02:00. The window would start at 02:30 BST instead.",
    );
    expect(wallClockNotice("2026-03-08T02:15", "America/New_York")?.message).toContain("clocks jump from 02:00 to 03:00");
  });

  it("asks which occurrence of a repeated hour is meant", () => {
    const notice = wallClockNotice("2027-10-31T01:30", "Europe/London");
    expect(notice).toMatchObject({
      kind: "repeated",
      first: { at: new Date("2027-10-31T00:30:00Z"), label: "01:30 BST" },
      second: { at: new Date("2027-10-31T01:30:00Z"), label: "01:30 GMT" },
    });
    expect(notice?.message).toContain("happens twice on 31 Oct in Europe/London");
  });

  it("is silent on ordinary times and bad input", () => {
    expect(wallClockNotice("2027-03-28T03:30", "Europe/London")).toBeNull();
    expect(wallClockNotice("2027-07-01T01:30", "Europe/London")).toBeNull();
    expect(wallClockNotice("not a time", "Europe/London")).toBeNull();
    expect(wallClockNotice("2027-03-28T01:30", "Nowhere/Land")).toBeNull();
  });
});

describe("durationNotice", () => {
  it("says how much shorter a window across spring-forward is", () => {
    expect(durationNotice("2027-03-28T00:30", "2027-03-28T03:30", "Europe/London")).toBe(
      "Across the clock change the window lasts 2 h, 1 h less than 00:30–03:30 suggests.",
    );
    expect(durationNotice("2027-07-01T00:30", "2027-07-01T03:30", "Europe/London")).toBeNull();
  });
});
