import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOverdue, summarizeChecklist } from "./readiness-summary";
import { ITEM_STATUSES, type ItemStatus, type SectionState } from "./types";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-06-01T11:59:59Z");
const future = new Date("2026-06-02T00:00:00Z");

const sections: SectionState[] = [
  { id: "s2", title: "Final checks", position: 2 },
  { id: "s1", title: "Data migration", position: 1 },
  { id: "s3", title: "Monitoring", position: 3 },
];

const item = (sectionId: string, status: ItemStatus, required = true, dueAt: Date | null = null) => ({
  sectionId,
  status,
  required,
  dueAt,
});

describe("summarizeChecklist", () => {
  it("reports 100% and empty sections for an empty checklist", () => {
    const summary = summarizeChecklist(sections, [], now);
    expect(summary).toMatchObject({ requiredTotal: 0, requiredOpen: 0, percent: 100, blocked: 0, overdue: 0 });
    expect(summary.sections.map((s) => [s.id, s.total, s.percent])).toEqual([
      ["s1", 0, 100],
      ["s2", 0, 100],
      ["s3", 0, 100],
    ]);
  });

  it("counts done and waived separately, both resolving the gate", () => {
    const summary = summarizeChecklist(
      sections,
      [
        item("s1", "DONE"),
        item("s1", "NOT_APPLICABLE"),
        item("s1", "TODO"),
        item("s2", "BLOCKED"),
        item("s2", "DONE", false),
        item("s3", "BLOCKED", false),
        item("s3", "NOT_APPLICABLE", false),
      ],
      now,
    );
    expect(summary).toMatchObject({
      requiredTotal: 4,
      requiredDone: 1,
      waived: 1,
      requiredOpen: 2,
      blocked: 2,
      optionalTotal: 3,
      optionalDone: 1,
      percent: 50,
    });
    expect(summary.sections[0]).toEqual({
      id: "s1",
      title: "Data migration",
      total: 3,
      done: 1,
      requiredTotal: 3,
      requiredResolved: 2,
      blocked: 0,
      percent: 66,
    });
    // s3 has only optional items: its bar follows them.
    expect(summary.sections[2]).toMatchObject({ requiredTotal: 0, blocked: 1, percent: 50 });
  });

  it("counts unresolved items past their due as overdue", () => {
    const summary = summarizeChecklist(
      sections,
      [
        item("s1", "TODO", true, past),
        item("s1", "BLOCKED", false, past),
        item("s1", "DONE", true, past),
        item("s1", "NOT_APPLICABLE", true, past),
        item("s1", "TODO", true, future),
        item("s1", "TODO", true, now),
        item("s1", "TODO", true, null),
      ],
      now,
    );
    expect(summary.overdue).toBe(2);
  });

  it("never shows 100% while a required gate is open", () => {
    const items = [...Array.from({ length: 199 }, () => item("s1", "DONE")), item("s1", "TODO")];
    expect(summarizeChecklist(sections, items, now).percent).toBe(99);
  });

  it("keeps items of unknown sections in the totals", () => {
    const summary = summarizeChecklist(sections, [item("gone", "TODO")], now);
    expect(summary.requiredTotal).toBe(1);
    expect(summary.sections.every((s) => s.total === 0)).toBe(true);
  });

  it("keeps its counts consistent for any checklist", () => {
    const arbItem = fc.record({
      sectionId: fc.constantFrom("s1", "s2", "s3"),
      status: fc.constantFrom(...ITEM_STATUSES),
      required: fc.boolean(),
      dueAt: fc.option(fc.constantFrom(past, future), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 40 }), (items) => {
        const s = summarizeChecklist(sections, items, now);
        expect(s.requiredTotal + s.optionalTotal).toBe(items.length);
        expect(s.requiredDone + s.waived + s.requiredOpen).toBe(s.requiredTotal);
        expect(s.percent === 100).toBe(s.requiredOpen === 0);
        expect(s.sections.reduce((n, x) => n + x.total, 0)).toBe(items.length);
        expect(s.sections.reduce((n, x) => n + x.blocked, 0)).toBe(s.blocked);
      }),
    );
  });
});

describe("isOverdue", () => {
  it("is strict about the due instant", () => {
    expect(isOverdue({ status: "TODO", dueAt: now }, now)).toBe(false);
    expect(isOverdue({ status: "IN_PROGRESS", dueAt: past }, now)).toBe(true);
  });
});
