import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ITEM_STATUSES, type ItemState, type ItemStatus } from "../checklist/types";
import { computeReadiness, type ReadinessInput, type ReadinessState } from "./readiness";
import type { DecisionState } from "../signoff/rules";

const now = new Date("2026-06-01T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

let seq = 0;
const item = (over: Partial<ItemState> = {}): ItemState => ({
  id: `i${++seq}`,
  title: `Item ${seq}`,
  sectionId: "s1",
  required: true,
  requiresEvidence: false,
  status: "DONE",
  statusReason: null,
  ownerId: null,
  dueAt: null,
  evidenceNote: "",
  evidenceLinks: [],
  predecessorIds: [],
  ...over,
});

const approve = (approverId: string, over: Partial<DecisionState> = {}): DecisionState => ({
  approverId,
  decision: "APPROVE",
  stale: false,
  withdrawn: false,
  ...over,
});

const group = (over: Partial<ReadinessInput["groups"][number]> = {}): ReadinessInput["groups"][number] => ({
  id: "qa",
  name: "QA",
  rule: "ANY",
  requiredCount: null,
  approverIds: ["ann"],
  decisions: [approve("ann")],
  ...over,
});

const window = (startsInHours: number, status = "SCHEDULED") => ({
  id: "w1",
  startsAt: hours(startsInHours),
  endsAt: hours(startsInHours + 4),
  status,
});

/** A launch that is READY; each test breaks one thing. */
const ready = (over: Partial<ReadinessInput> = {}): ReadinessInput => ({
  now,
  atRiskHours: 48,
  items: [item({ title: "DB backup" }), item({ title: "Smoke test", status: "NOT_APPLICABLE", statusReason: "No UI" })],
  groups: [group()],
  window: window(72),
  windowFreezeConflict: null,
  ...over,
});

const codes = (input: ReadinessInput) => computeReadiness(input).reasons.map((r) => `${r.severity}:${r.code}`);

describe("computeReadiness", () => {
  it("is READY with everything resolved, approved and scheduled", () => {
    const result = computeReadiness(ready({ sections: [{ id: "s1", title: "Final", position: 1 }] }));
    expect(result.state).toBe("READY");
    expect(result.reasons).toEqual([]);
    expect(result.checklist).toMatchObject({ requiredTotal: 2, requiredDone: 1, waived: 1, percent: 100 });
    expect(result.checklist.sections).toHaveLength(1);
    expect(result.groups.qa).toMatchObject({ status: "APPROVED", name: "QA" });
    expect(result.window).toMatchObject({ id: "w1", msUntilStart: 72 * 3_600_000 });
  });

  describe("blockers", () => {
    it("names open required items", () => {
      const items = ["DB backup", "Smoke test", "DNS switch", "CDN purge"].map((title) => item({ title, status: "TODO" }));
      const [reason] = computeReadiness(ready({ items: [...items, item({ required: false, status: "TODO" })] })).reasons;
      expect(reason).toEqual({
        code: "OPEN_REQUIRED_ITEMS",
        severity: "blocker",
        message: "4 required items open: “DB backup”, “Smoke test”, “DNS switch”, +1 more",
        itemIds: items.map((i) => i.id),
      });
      expect(computeReadiness(ready({ items: [item({ title: "DB backup", status: "IN_PROGRESS" })] })).reasons[0].message).toBe(
        "1 required item open: “DB backup”",
      );
    });

    it("names rejected groups", () => {
      const rejected = group({ decisions: [approve("ann", { decision: "REJECT" })] });
      expect(computeReadiness(ready({ groups: [rejected] })).reasons).toEqual([
        { code: "SIGNOFF_REJECTED", severity: "blocker", message: "Rejected by “QA”: read their comments and resolve them", groupIds: ["qa"] },
      ]);
    });

    it("calls a group held up by stale approvals stale, not missing", () => {
      const stale = group({ decisions: [approve("ann", { stale: true })] });
      const missing = group({ id: "sec", name: "Security", rule: "N_OF_M", requiredCount: 2, approverIds: ["a", "b", "c"], decisions: [approve("a")] });
      const result = computeReadiness(ready({ groups: [stale, missing] }));
      expect(result.reasons).toEqual([
        { code: "SIGNOFF_STALE", severity: "blocker", message: "1 sign-off went stale after changes and must be given again: “QA”", groupIds: ["qa"] },
        { code: "SIGNOFF_MISSING", severity: "blocker", message: "Waiting for sign-off from “Security” (1 of 2)", groupIds: ["sec"] },
      ]);
    });

    it("explains misconfigured groups", () => {
      const empty = group({ id: "ops", name: "Ops", approverIds: [], decisions: [] });
      const [reason] = computeReadiness(ready({ groups: [empty, group({ id: "qa2", decisions: [] })] })).reasons;
      expect(reason.message).toBe("Waiting for sign-off from “QA” (0 of 1); “Ops” can’t be approved: no approvers are assigned, so nobody can sign off");
      expect(reason.groupIds).toEqual(["ops", "qa2"]);
    });

    it("needs a scheduled window outside any freeze", () => {
      expect(codes(ready({ window: null }))).toEqual(["blocker:NO_WINDOW"]);
      expect(computeReadiness(ready({ window: window(72, "PROPOSED") })).reasons[0].message).toBe(
        "The deployment window is proposed, not scheduled",
      );
      const frozen = computeReadiness(ready({ windowFreezeConflict: { reason: "Black Friday" } }));
      expect(frozen.reasons[0]).toMatchObject({ code: "WINDOW_IN_FREEZE", message: expect.stringContaining("(Black Friday)") });
    });
  });

  describe("state", () => {
    it("is AT_RISK when only risks remain, e.g. a blocked optional item", () => {
      const input = ready({ items: [item(), item({ title: "Nice docs", required: false, status: "BLOCKED", statusReason: "x" })] });
      expect(computeReadiness(input).state).toBe("AT_RISK");
      expect(computeReadiness(input).reasons).toEqual([
        { code: "BLOCKED_ITEMS", severity: "risk", message: "1 item blocked: “Nice docs”", itemIds: [input.items[1].id] },
      ]);
    });

    it("is AT_RISK when an optional item is overdue, even with the window close", () => {
      const input = ready({ window: window(2), items: [item(), item({ title: "Docs", required: false, status: "TODO", dueAt: hours(-1) })] });
      expect(computeReadiness(input).state).toBe("AT_RISK");
      expect(codes(input)).toEqual(["risk:OVERDUE_ITEMS"]);
    });

    it("is AT_RISK with gates open but time left and nothing stuck", () => {
      const input = ready({ window: window(49), items: [item({ status: "TODO", dueAt: hours(24) })] });
      expect(computeReadiness(input).state).toBe("AT_RISK");
      expect(codes(input)).toEqual(["blocker:OPEN_REQUIRED_ITEMS"]);
    });

    it("is NOT_READY with gates open and the window within atRiskHours, saying when it opens", () => {
      const input = ready({ window: window(47.5), items: [item({ status: "TODO" })] });
      const result = computeReadiness(input);
      expect(result.state).toBe("NOT_READY");
      expect(result.reasons[1]).toEqual({
        code: "WINDOW_APPROACHING",
        severity: "risk",
        message: "The window opens in 1 d 23 h and 1 gate is still unmet",
      });
      const started = computeReadiness(ready({ window: window(-2, "IN_PROGRESS"), groups: [], items: [item({ status: "TODO" })] }));
      expect(started.reasons.at(-1)?.message).toBe("The window opened 2 h ago and 1 gate is still unmet");
    });

    it("treats exactly atRiskHours away as close", () => {
      expect(computeReadiness(ready({ window: window(48), items: [item({ status: "TODO" })] })).state).toBe("NOT_READY");
    });

    it("is NOT_READY with gates open and no window", () => {
      expect(computeReadiness(ready({ window: null, items: [item({ status: "TODO" })] })).state).toBe("NOT_READY");
      expect(computeReadiness(ready({ window: null })).state).toBe("NOT_READY");
      expect(computeReadiness(ready({ window: window(500, "PROPOSED") })).state).toBe("NOT_READY");
    });

    it("is NOT_READY when a required item is blocked or overdue, however far the window", () => {
      const blocked = ready({ window: window(500), items: [item({ title: "DB backup", status: "BLOCKED", statusReason: "Disk" })] });
      expect(computeReadiness(blocked).state).toBe("NOT_READY");
      expect(computeReadiness(blocked).reasons.map((r) => r.message)).toEqual([
        "1 required item open: “DB backup”",
        "1 item blocked (all required): “DB backup”",
      ]);
      const overdue = ready({ window: window(500), items: [item({ status: "TODO", dueAt: hours(-3) })] });
      expect(computeReadiness(overdue).state).toBe("NOT_READY");
    });

    it("is AT_RISK for sign-off, freeze or stale problems while the window is far", () => {
      expect(computeReadiness(ready({ windowFreezeConflict: { reason: "Audit" } })).state).toBe("AT_RISK");
      expect(computeReadiness(ready({ groups: [group({ decisions: [] })] })).state).toBe("AT_RISK");
      expect(computeReadiness(ready({ window: window(10), groups: [group({ decisions: [] })] })).state).toBe("NOT_READY");
    });

    it("lists overdue items most overdue first and counts the required ones", () => {
      const a = item({ title: "A", status: "TODO", dueAt: hours(-1), required: false });
      const b = item({ title: "B", status: "TODO", dueAt: hours(-5) });
      const reason = computeReadiness(ready({ items: [a, b] })).reasons.find((r) => r.code === "OVERDUE_ITEMS");
      expect(reason).toEqual({ code: "OVERDUE_ITEMS", severity: "risk", message: "2 items overdue (1 required): “B”, “A”", itemIds: [b.id, a.id] });
    });
  });

  describe("properties", () => {
    const RANK: Record<ReadinessState, number> = { NOT_READY: 0, AT_RISK: 1, READY: 2 };
    const arbItem = fc.record({
      status: fc.constantFrom<ItemStatus>(...ITEM_STATUSES),
      required: fc.boolean(),
      dueAt: fc.option(fc.integer({ min: -100, max: 100 }).map(hours), { nil: null }),
    }).map((x) => item(x));
    const arbDecision = fc.record({
      approverId: fc.constantFrom("a", "b", "c"),
      decision: fc.constantFrom("APPROVE" as const, "REJECT" as const),
      stale: fc.boolean(),
      withdrawn: fc.boolean(),
    });
    const arbGroup = fc.record({
      id: fc.constantFrom("g1", "g2", "g3"),
      name: fc.constantFrom("QA", "Security"),
      rule: fc.constantFrom("ANY" as const, "ALL" as const, "N_OF_M" as const),
      requiredCount: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
      approverIds: fc.uniqueArray(fc.constantFrom("a", "b", "c"), { minLength: 1 }),
      decisions: fc.array(arbDecision, { maxLength: 6 }),
    });
    const arbInput = fc.record({
      now: fc.constant(now),
      atRiskHours: fc.constantFrom(0, 24, 48),
      items: fc.array(arbItem, { maxLength: 8 }),
      groups: fc.uniqueArray(arbGroup, { maxLength: 3, selector: (g) => g.id }),
      window: fc.option(
        fc.record({ h: fc.integer({ min: -10, max: 200 }), status: fc.constantFrom("SCHEDULED", "IN_PROGRESS", "PROPOSED") }).map(({ h, status }) => window(h, status)),
        { nil: null },
      ),
      windowFreezeConflict: fc.option(fc.constant({ reason: "Freeze" }), { nil: null }),
    });

    it("READY exactly when there are no reasons; NOT_READY only with a blocker", () => {
      fc.assert(
        fc.property(arbInput, (input) => {
          const result = computeReadiness(input);
          expect(result.state === "READY").toBe(result.reasons.length === 0);
          expect(result.state !== "NOT_READY" || result.reasons.some((r) => r.severity === "blocker")).toBe(true);
          for (const r of result.reasons) expect(r.message).not.toMatch(/undefined|NaN|\.$/);
        }),
      );
    });

    it("adding a blocked required item never improves the state", () => {
      fc.assert(
        fc.property(arbInput, (input) => {
          const before = computeReadiness(input).state;
          const after = computeReadiness({ ...input, items: [...input.items, item({ status: "BLOCKED", statusReason: "x" })] }).state;
          expect(RANK[after]).toBeLessThanOrEqual(RANK[before]);
          expect(after).toBe("NOT_READY");
        }),
      );
    });

    it("a stale approval never counts", () => {
      fc.assert(
        fc.property(arbInput, fc.constantFrom("a", "b", "c"), (input, approverId) => {
          const before = computeReadiness(input);
          const groups = input.groups.map((g) => ({ ...g, decisions: [...g.decisions, approve(approverId, { stale: true })] }));
          const after = computeReadiness({ ...input, groups });
          expect(after.state).toBe(before.state);
          for (const g of input.groups) {
            expect(after.groups[g.id].status).toBe(before.groups[g.id].status);
            expect(after.groups[g.id].approvals).toBe(before.groups[g.id].approvals);
          }
        }),
      );
    });

    it("resolving every required item never worsens the state", () => {
      fc.assert(
        fc.property(arbInput, (input) => {
          const before = computeReadiness(input).state;
          const items = input.items.map((i) => (i.required ? { ...i, status: "DONE" as const } : i));
          const after = computeReadiness({ ...input, items }).state;
          expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
        }),
      );
    });
  });
});
