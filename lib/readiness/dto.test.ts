import { describe, expect, it } from "vitest";
import { computeReadiness, type ReadinessInput } from "./readiness";
import { diffReadiness, isUnchanged, parseReadinessDTO, toReadinessDTO } from "./dto";
import { latestPerApprover } from "./latest-decisions";

const now = new Date("2026-06-01T12:00:00Z");
const item = (id: string, status: "DONE" | "TODO") => ({
  id, title: `Item ${id}`, sectionId: "s", required: true, requiresEvidence: false, status, statusReason: null, ownerId: null,
  dueAt: null, evidenceNote: "", evidenceLinks: [], predecessorIds: [],
});
const input = (over: Partial<ReadinessInput> = {}): ReadinessInput => ({
  now, atRiskHours: 48, items: [item("a", "DONE"), item("b", "DONE")], groups: [],
  window: { id: "w", startsAt: new Date("2026-06-05T01:00:00Z"), endsAt: new Date("2026-06-05T05:00:00Z"), status: "SCHEDULED" },
  windowFreezeConflict: null, ...over,
});
const dto = (over: Partial<ReadinessInput> = {}) => toReadinessDTO(computeReadiness(input(over)), now);

describe("ReadinessDTO", () => {
  it("is plain JSON with ISO dates, and parses back", () => {
    const d = dto();
    expect(d.window).toEqual({ id: "w", startsAt: "2026-06-05T01:00:00.000Z", endsAt: "2026-06-05T05:00:00.000Z", status: "SCHEDULED" });
    expect(parseReadinessDTO(JSON.parse(JSON.stringify(d)))).toEqual(d);
    expect(parseReadinessDTO({})).toBeNull();
    expect(parseReadinessDTO(null)).toBeNull();
  });

  it("says what changed since a snapshot: state, reasons, counts, window", () => {
    const before = dto();
    const after = dto({
      items: [item("a", "TODO"), item("b", "DONE")],
      window: { id: "w", startsAt: new Date("2026-06-06T01:00:00Z"), endsAt: new Date("2026-06-06T05:00:00Z"), status: "SCHEDULED" },
    });
    const diff = diffReadiness(before, after);
    expect(diff.stateBefore).toBe("READY");
    expect(diff.stateAfter).toBe("AT_RISK");
    expect(diff.added.map((r) => r.code)).toEqual(["OPEN_REQUIRED_ITEMS"]);
    expect(diff.removed).toEqual([]);
    expect(diff.counts).toEqual([
      { label: "Required items done", before: 2, after: 1 },
      { label: "Required items open", before: 0, after: 1 },
    ]);
    expect(diff.windowMoved).toEqual({ before: "2026-06-05T01:00:00.000Z", after: "2026-06-06T01:00:00.000Z" });
    expect(isUnchanged(diff)).toBe(false);
    expect(isUnchanged(diffReadiness(before, dto()))).toBe(true);
    expect(diffReadiness(after, before).removed.map((r) => r.code)).toEqual(["OPEN_REQUIRED_ITEMS"]);
  });

  it("reports a reworded reason as changed, and ignores the window countdown ticking", () => {
    const open = (n: number) => Array.from({ length: n }, (_, i) => item(`o${n}-${i}`, "TODO"));
    const soon = { id: "w", startsAt: new Date("2026-06-02T01:00:00Z"), endsAt: new Date("2026-06-02T05:00:00Z"), status: "SCHEDULED" };
    const before = dto({ items: open(1), window: soon });
    const after = toReadinessDTO(computeReadiness(input({ items: open(2), window: soon, now: new Date(now.getTime() + 600_000) })), now);
    const diff = diffReadiness(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => [c.before.message, c.after.message])).toEqual([
      ["1 required item open: “Item o1-0”", "2 required items open: “Item o2-0”, “Item o2-1”"],
    ]);
  });
});

describe("latestPerApprover", () => {
  const d = (approverId: string, over = {}) => ({ approverId, decision: "APPROVE" as const, stale: false, withdrawn: false, ...over });
  it("keeps each approver's latest decision and drops a withdrawn latest one", () => {
    expect(latestPerApprover([d("ann", { stale: true }), d("bob"), d("ann")])).toEqual([d("bob"), d("ann")]);
    expect(latestPerApprover([d("ann"), d("ann", { withdrawn: true })])).toEqual([]);
    expect(latestPerApprover([d("ann", { withdrawn: true }), d("ann", { decision: "REJECT" })])).toEqual([d("ann", { decision: "REJECT" })]);
  });
});
