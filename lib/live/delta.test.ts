import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SectionSummary } from "@/lib/checklist/readiness-summary";
import type { OverviewDTO, ReadinessDTO } from "@/lib/launches/view-types";
import type { EvaluatedGroup, Reason } from "@/lib/readiness/readiness-reasons";
import { applyList, applyOverviewDelta, applyReadinessDelta, browserReadiness, diffList, diffOverview, diffReadiness } from "./delta";

type Row = { id: string; n: number };
const byId = (r: Row) => r.id;
const rows = (spec: string) => spec.split(" ").filter(Boolean).map((t) => ({ id: t[0], n: Number(t.slice(1) || 0) }));

describe("diffList and applyList", () => {
  it("send only the entries that changed and the keys that went, when the rest keep their order", () => {
    const prev = rows("a1 b1 c1 d1 e1");
    expect(diffList(prev, rows("a1 b2 c1 d1 e1"), byId)).toEqual({ set: [{ id: "b", n: 2 }] });
    expect(diffList(prev, rows("a1 c1 d1 e1"), byId)).toEqual({ set: [], drop: ["b"] });
    expect(diffList(prev, rows("a1 b1 c1 d1 e1"), byId)).toBeNull();
  });

  it("send the list whole when an entry is new, the order moved, a key repeats or every entry changed", () => {
    const prev = rows("a1 b1 c1 d1");
    expect(diffList(prev, rows("a1 x1 b1 c1 d1"), byId)).toEqual({ all: rows("a1 x1 b1 c1 d1") });
    expect(diffList(prev, rows("b1 a1 c1 d1"), byId)).toEqual({ all: rows("b1 a1 c1 d1") });
    expect(diffList(prev, rows("a1 a2 c1 d1"), byId)).toEqual({ all: rows("a1 a2 c1 d1") });
    expect(diffList(prev, rows("a2 b2 c2 d2"), byId)).toEqual({ all: rows("a2 b2 c2 d2") });
    expect(diffList(prev, [], byId)).toEqual({ all: [] });
  });

  it("refuse a change that names a key the copy does not hold", () => {
    expect(applyList(rows("a1 b1"), { set: [{ id: "c", n: 1 }] }, byId)).toBeNull();
    expect(applyList(rows("a1 b1"), { set: [], drop: ["c"] }, byId)).toBeNull();
  });

  it("turn any list into any other: prev merged with diff(prev, next) is next", () => {
    const list = fc.uniqueArray(fc.record({ id: fc.constantFrom(..."abcdefgh"), n: fc.integer({ min: 0, max: 2 }) }), { selector: (r) => r.id, maxLength: 8 });
    fc.assert(
      fc.property(list, list, (prev, next) => {
        const patch = diffList(prev, next, byId);
        expect(patch === null ? prev : applyList(prev, patch, byId)).toEqual(next);
      }),
      { numRuns: 500 },
    );
  });
});

const section = (id: string, done: number): SectionSummary => ({ id, title: `Section ${id}`, total: 4, done, requiredTotal: 4, requiredResolved: done, blocked: 0, percent: done * 25 });
const group = (id: string, status: EvaluatedGroup["status"]): EvaluatedGroup => ({ id, name: `Group ${id}`, status } as EvaluatedGroup);
const open = (n: number): Reason => ({ code: "OPEN_REQUIRED_ITEMS", severity: "blocker", message: `${n} required items open`, itemIds: Array.from({ length: n }, (_, i) => `item${i}`) });
const missing: Reason = { code: "SIGNOFF_MISSING", severity: "blocker", message: "Security has not signed off", groupIds: ["g1"] };

function readiness(done: [number, number], over: Partial<ReadinessDTO> = {}): ReadinessDTO {
  const requiredDone = done[0] + done[1];
  return {
    state: "NOT_READY",
    reasons: requiredDone < 8 ? [open(8 - requiredDone), missing] : [missing],
    checklist: { requiredTotal: 8, requiredDone, waived: 0, requiredOpen: 8 - requiredDone, blocked: 0, overdue: 0, optionalTotal: 0, optionalDone: 0, percent: requiredDone * 12, sections: [section("s1", done[0]), section("s2", done[1])] },
    groups: { g1: group("g1", "PENDING"), g2: group("g2", "APPROVED") },
    window: { id: "w1", startsAt: "2027-01-09T22:00:00.000Z", endsAt: "2027-01-10T02:00:00.000Z", status: "SCHEDULED" },
    computedAt: "2027-01-01T10:00:00.000Z",
    ...over,
  };
}

describe("readiness deltas", () => {
  it("carry a tick as the ticked section, the new totals and the reworded reason, and merge back to the whole", () => {
    const before = browserReadiness(readiness([1, 0]));
    const after = browserReadiness(readiness([2, 0], { computedAt: "2027-01-01T10:00:05.000Z" }));
    const delta = diffReadiness(before, after)!;
    expect(delta).toEqual({
      computedAt: after.computedAt,
      totals: expect.objectContaining({ requiredDone: 2, requiredOpen: 6 }),
      reasons: { set: [after.reasons[0]] },
      sections: { set: [after.checklist.sections[0]] },
    });
    expect(applyReadinessDelta(before, delta)).toEqual(after);
  });

  it("carry the state, the window, a group and a reason that went", () => {
    const before = readiness([4, 3]);
    const after = readiness([4, 4], {
      state: "AT_RISK",
      groups: { g1: group("g1", "REJECTED"), g2: group("g2", "APPROVED") },
      window: { id: "w2", startsAt: "2027-01-16T22:00:00.000Z", endsAt: "2027-01-17T02:00:00.000Z", status: "SCHEDULED" },
    });
    const delta = diffReadiness(before, after)!;
    expect(delta.state).toBe("AT_RISK");
    expect(delta.window?.id).toBe("w2");
    expect(delta.groups).toEqual({ set: [after.groups.g1] });
    expect(delta.reasons).toEqual({ set: [], drop: ["OPEN_REQUIRED_ITEMS"] });
    expect(applyReadinessDelta(before, delta)).toEqual(after);
    // A window that went away is sent as null, and merged as null.
    const none = diffReadiness(after, { ...after, window: null })!;
    expect(none.window).toBeNull();
    expect(applyReadinessDelta(after, none)!.window).toBeNull();
  });

  it("are nothing when only the time of computing moved", () => {
    expect(diffReadiness(readiness([1, 1]), readiness([1, 1], { computedAt: "2027-01-01T11:00:00.000Z" }))).toBeNull();
  });

  it("do not fit a copy that lacks what they name: the merge refuses", () => {
    const delta = diffReadiness(readiness([1, 0]), readiness([2, 0]))!;
    const other = readiness([1, 0], { checklist: { ...readiness([1, 0]).checklist, sections: [section("s9", 1)] } });
    expect(applyReadinessDelta(other, delta)).toBeNull();
  });

  it("leave out the ids behind each reason, which no screen reads", () => {
    const r = browserReadiness(readiness([1, 0]));
    expect(r.reasons.map((x) => Object.keys(x).sort())).toEqual([["code", "message", "severity"], ["code", "groupIds", "message", "severity"]]);
  });
});

describe("overview deltas", () => {
  const person = (userId: string, n: number) => ({ userId, name: userId.toUpperCase(), what: [`${n} required checks open`] });
  const ponr = (computedAt: string, slackMin = 30) => ({ pointOfNoReturn: "2027-01-10T01:00:00.000Z", windowEnd: "2027-01-10T02:00:00.000Z", forecastEnd: "2027-01-10T00:30:00.000Z", slackMin, rollbackFits: true, computedAt });
  const overview = (over: Partial<OverviewDTO> = {}): OverviewDTO => ({ window: null, pending: [person("ana", 3), person("ben", 2), person("cy", 1)], runbook: ponr("t0"), ...over });

  it("carry the one line of 'waiting on' that changed, and a person who is done as a key that went", () => {
    const before = overview();
    const after = overview({ pending: [person("ana", 2), person("ben", 2), person("cy", 1)] });
    expect(diffOverview(before, after)).toEqual({ pending: { set: [person("ana", 2)] } });
    const done = overview({ pending: [person("ana", 3), person("ben", 2)] });
    expect(applyOverviewDelta(before, diffOverview(before, done)!)).toEqual(done);
  });

  it("ignore the runbook line's time of computing, not a change of its forecast", () => {
    expect(diffOverview(overview(), overview({ runbook: ponr("t1") }))).toBeNull();
    const later = overview({ runbook: ponr("t2", -5) });
    expect(applyOverviewDelta(overview(), diffOverview(overview(), later)!)).toEqual(later);
  });
});
