import { describe, expect, it } from "vitest";
import type { ItemState } from "../checklist/types";
import { approachingReason, itemReasons, signoffReasons, windowReasons, type EvaluatedGroup } from "./readiness-reasons";

const now = new Date("2026-06-01T12:00:00Z");

const item = (id: string, over: Partial<ItemState>): ItemState => ({
  id,
  title: id.toUpperCase(),
  sectionId: "s",
  required: true,
  requiresEvidence: false,
  status: "TODO",
  statusReason: null,
  ownerId: null,
  dueAt: null,
  evidenceNote: "",
  evidenceLinks: [],
  predecessorIds: [],
  ...over,
});

const evaluated = (over: Partial<EvaluatedGroup>): EvaluatedGroup => ({
  id: "g",
  name: "QA",
  status: "PENDING",
  approvals: 0,
  needed: 1,
  rejections: 0,
  staleCount: 0,
  waitingOn: [],
  ...over,
});

describe("itemReasons", () => {
  it("says nothing when every required item is resolved and nothing is stuck", () => {
    expect(itemReasons([item("a", { status: "DONE" }), item("b", { required: false })], now)).toEqual([]);
  });

  it("marks blocked optional items without calling them required", () => {
    const [reason] = itemReasons([item("a", { required: false, status: "BLOCKED" })], now);
    expect(reason.message).toBe("1 item blocked: “A”");
  });
});

describe("signoffReasons", () => {
  it("lists groups in their own order and counts stale sign-offs across groups", () => {
    const reasons = signoffReasons([
      evaluated({ id: "a", name: "QA", staleCount: 2, needed: 2 }),
      evaluated({ id: "b", name: "Ops", staleCount: 1 }),
      evaluated({ id: "c", name: "Biz", status: "APPROVED", staleCount: 1, approvals: 1 }),
    ]);
    expect(reasons).toEqual([
      {
        code: "SIGNOFF_STALE",
        severity: "blocker",
        message: "3 sign-offs went stale after changes and must be given again: “QA”, “Ops”",
        groupIds: ["a", "b"],
      },
    ]);
  });

  it("reports only misconfiguration when no group is merely waiting", () => {
    const [reason] = signoffReasons([evaluated({ name: "Ops", problem: "The number of approvals needed is not set." })]);
    expect(reason.message).toBe("“Ops” can’t be approved: the number of approvals needed is not set");
  });

  it("groups missing sign-offs: one sentence per kind of gap, no doubled stops", () => {
    const none = "No approvers are assigned, so nobody can sign off.";
    const [reason] = signoffReasons([
      evaluated({ id: "a", name: "QA" }),
      evaluated({ id: "b", name: "Security", needed: 2, approvals: 1 }),
      evaluated({ id: "c", name: "Operations", problem: none }),
      evaluated({ id: "d", name: "Business", problem: none }),
      evaluated({ id: "e", name: "Legal", problem: none }),
      evaluated({ id: "f", name: "Privacy", problem: none }),
    ]);
    expect(reason.message).toBe(
      "2 sign-off groups are missing: “QA” (0 of 1), “Security” (1 of 2); " +
        "4 sign-off groups (“Operations”, “Business”, “Legal”, +1 more) can’t be approved: no approvers are assigned, so nobody can sign off",
    );
    expect(reason.message).not.toMatch(/\.\./);
    expect(reason.groupIds).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("names a single waiting group as before", () => {
    expect(signoffReasons([evaluated({ name: "QA", needed: 2 })])[0].message).toBe("Waiting for sign-off from “QA” (0 of 2)");
  });
});

describe("windowReasons", () => {
  it("accepts a scheduled or running window", () => {
    expect(windowReasons({ status: "SCHEDULED", startsAt: now }, null)).toEqual([]);
    expect(windowReasons({ status: "IN_PROGRESS", startsAt: now }, null)).toEqual([]);
  });

  it("reports both an unscheduled window and a freeze", () => {
    expect(windowReasons({ status: "ROLLED_BACK", startsAt: now }, { reason: "Q4" }).map((r) => r.message)).toEqual([
      "The deployment window is rolled back, not scheduled",
      "The window falls in a change freeze (Q4): move it, or record an override with a reason",
    ]);
  });
});

describe("approachingReason", () => {
  it("counts down, or up once the window has opened", () => {
    expect(approachingReason(3 * 3_600_000 + 12 * 60_000, 2).message).toBe("The window opens in 3 h 12 min and 2 gates are still unmet");
    expect(approachingReason(0, 1).message).toBe("The window opened less than a minute ago and 1 gate is still unmet");
  });
});
