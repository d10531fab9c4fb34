import { describe, expect, it } from "vitest";
import { computeReadiness, type ReadinessInput } from "./readiness";
import type { GroupInput } from "@/lib/signoff/rules";
import { toReadinessDTO } from "./dto";
import { changesSinceDecision, isDecisionUnchanged } from "./since-decision";

const now = new Date("2026-06-01T12:00:00Z");
const item = (id: string, status: "DONE" | "TODO") => ({
  id, title: `Item ${id}`, sectionId: "s", required: true, requiresEvidence: false, status, statusReason: null, ownerId: null,
  dueAt: null, evidenceNote: "", evidenceLinks: [], predecessorIds: [],
});
const approve = (approverId: string) => ({ approverId, decision: "APPROVE" as const, stale: false, withdrawn: false });
type Group = GroupInput & { id: string; name: string };
const group = (id: string, name: string, approvers: string[], approved: string[]): Group =>
  ({ id, name, rule: "ALL", requiredCount: null, approverIds: approvers, decisions: approved.map(approve) }) as unknown as Group;
const dto = (groups: Group[], items = [item("a", "DONE")]) =>
  toReadinessDTO(
    computeReadiness({
      now, atRiskHours: 48, items, groups,
      window: { id: "w", startsAt: new Date("2026-06-05T01:00:00Z"), endsAt: new Date("2026-06-05T05:00:00Z"), status: "SCHEDULED" },
      windowFreezeConflict: null,
    } as unknown as ReadinessInput),
    now,
  );

describe("changesSinceDecision", () => {
  it("is unchanged right after signing: the approver's own decision is not news", () => {
    const snapshot = dto([group("qa", "QA", ["ann", "bob"], []), group("sec", "Security", ["sam"], [])]);
    const afterSigning = dto([group("qa", "QA", ["ann", "bob"], ["ann"]), group("sec", "Security", ["sam"], [])]);
    expect(isDecisionUnchanged(changesSinceDecision(snapshot, afterSigning, "qa"))).toBe(true);
  });

  it("tells another group's progress and a reopened check", () => {
    const snapshot = dto([group("qa", "QA", ["ann"], []), group("sec", "Security", ["sam"], [])]);
    const later = dto([group("qa", "QA", ["ann"], ["ann"]), group("sec", "Security", ["sam"], ["sam"])], [item("a", "TODO")]);
    const diff = changesSinceDecision(snapshot, later, "qa");
    expect(diff.groups).toEqual([{ name: "Security", before: "0 of 1 approvals", after: "approved" }]);
    expect(diff.added.map((r) => r.code)).toEqual(["OPEN_REQUIRED_ITEMS"]);
    expect(diff.counts.map((c) => c.label)).toContain("Required items open");
    expect(isDecisionUnchanged(diff)).toBe(false);
  });
});
