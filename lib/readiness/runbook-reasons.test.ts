import { describe, expect, it } from "vitest";
import { computeReadiness } from "./readiness";
import { runbookReasons } from "./readiness-reasons";

const now = new Date("2026-12-01T10:00:00Z");
const window = { id: "w", startsAt: new Date("2026-12-10T22:00:00Z"), endsAt: new Date("2026-12-11T04:00:00Z"), status: "SCHEDULED" };
const base = { now, atRiskHours: 48, items: [], groups: [], window, windowFreezeConflict: null };

describe("runbook readiness reasons", () => {
  it("no runbook is a blocker only where the launch requires one", () => {
    expect(runbookReasons({ required: false, exists: false, slackMin: null })).toEqual([]);
    expect(runbookReasons({ required: true, exists: false, slackMin: null }).map((r) => r.code)).toEqual(["NO_RUNBOOK"]);
    expect(computeReadiness({ ...base, runbook: { required: false, exists: false, slackMin: null } }).state).toBe("READY");
    expect(computeReadiness({ ...base, runbook: { required: true, exists: false, slackMin: null } }).state).not.toBe("READY");
  });
  it("a runbook whose planned end passes the window end is a blocker naming the overrun", () => {
    const [reason] = runbookReasons({ required: false, exists: true, slackMin: -90 });
    expect(reason).toMatchObject({ code: "RUNBOOK_OVERRUNS", severity: "blocker" });
    expect(reason.message).toContain("1 h 30 min");
    expect(runbookReasons({ required: true, exists: true, slackMin: 0 })).toEqual([]);
    expect(runbookReasons({ required: true, exists: true, slackMin: null })).toEqual([]);
  });
  it("without runbook input (not considered), readiness is unchanged", () => {
    expect(computeReadiness(base).state).toBe("READY");
    expect(runbookReasons(undefined)).toEqual([]);
  });
});
