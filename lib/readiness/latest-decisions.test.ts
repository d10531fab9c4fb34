import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateGroup, type DecisionState } from "@/lib/signoff/rules";
import { latestPerApprover } from "./latest-decisions";

const approvers = ["ann", "bob", "cy"];
const arbDecision = fc.record({
  approverId: fc.constantFrom(...approvers),
  decision: fc.constantFrom<"APPROVE" | "REJECT">("APPROVE", "REJECT"),
  stale: fc.boolean(),
  withdrawn: fc.boolean(),
});
const evaluate = (decisions: DecisionState[]) =>
  evaluateGroup({ rule: "ALL", requiredCount: null, approverIds: approvers, decisions: latestPerApprover(decisions) });

describe("latestPerApprover with evaluateGroup (properties)", () => {
  it("a decision gone stale never counts, and only each approver's latest decision speaks for them", () => {
    fc.assert(
      fc.property(fc.array(arbDecision, { maxLength: 12 }), arbDecision, (history, last) => {
        const result = evaluate([...history, { ...last, stale: true, withdrawn: false }]);
        // The approver whose latest decision is stale has no live say, whatever they said before.
        expect(result.waitingOn).toContain(last.approverId);
        const without = evaluate(history.filter((d) => d.approverId !== last.approverId));
        expect(result.approvals).toBe(without.approvals);
        expect(result.rejections).toBe(without.rejections);
      }),
    );
  });

  it("withdrawing the latest decision leaves the approver waiting, not stale", () => {
    fc.assert(
      fc.property(fc.array(arbDecision, { maxLength: 12 }), fc.constantFrom(...approvers), (history, who) => {
        const result = evaluate([...history, { approverId: who, decision: "APPROVE", stale: false, withdrawn: true }]);
        expect(result.waitingOn).toContain(who);
        expect(latestPerApprover([...history, { approverId: who, decision: "APPROVE", stale: false, withdrawn: true }]).some((d) => d.approverId === who)).toBe(false);
      }),
    );
  });
});
