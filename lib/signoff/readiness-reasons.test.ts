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
    expect(reason.message).toBe("“Ops” can’t be approved: The number of approvals needed is not set");
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
