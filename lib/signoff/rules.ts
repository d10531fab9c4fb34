// Whether a sign-off group is satisfied. Only live decisions count: a stale decision was given against a
// launch that has since changed, and a withdrawn one was taken back. Decisions from people who are no
// longer approvers of the group are ignored, so removing an approver also removes their say.

export const SIGNOFF_RULES = ["ANY", "ALL", "N_OF_M"] as const;
export type SignoffRule = (typeof SIGNOFF_RULES)[number];
export type DecisionKind = "APPROVE" | "REJECT";

export type DecisionState = { approverId: string; decision: DecisionKind; stale: boolean; withdrawn: boolean };

export type GroupInput = {
  rule: SignoffRule;
  requiredCount: number | null;
  approverIds: readonly string[];
  /** Oldest first: when one approver has several live decisions, the last one stands. */
  decisions: readonly DecisionState[];
};

export type GroupStatus = "APPROVED" | "REJECTED" | "PENDING";

export type GroupEvaluation = {
  status: GroupStatus;
  approvals: number;
  needed: number;
  rejections: number;
  /** Approvers whose decision went stale and who have not decided again. */
  staleCount: number;
  /** Approvers without a live decision, in the group's order. */
  waitingOn: string[];
  /** Set when the group can never be approved as configured; the group stays PENDING. */
  problem?: string;
};

function neededFor(rule: SignoffRule, requiredCount: number | null, approverCount: number): number {
  if (rule === "ANY") return 1;
  if (rule === "ALL") return approverCount;
  return requiredCount ?? 0;
}

function problemWith(rule: SignoffRule, requiredCount: number | null, approverCount: number): string | undefined {
  if (approverCount === 0) return "No approvers are assigned, so nobody can sign off.";
  if (rule !== "N_OF_M") return undefined;
  if (requiredCount === null || !Number.isInteger(requiredCount) || requiredCount < 1) {
    return "The number of approvals needed is not set.";
  }
  if (requiredCount > approverCount) {
    const assigned = approverCount === 1 ? "1 approver is" : `${approverCount} approvers are`;
    return `${requiredCount} approvals are needed but only ${assigned} assigned.`;
  }
  return undefined;
}

export function evaluateGroup(group: GroupInput): GroupEvaluation {
  const approvers = [...new Set(group.approverIds)];
  const isApprover = new Set(approvers);
  const live = new Map<string, DecisionKind>();
  const staled = new Set<string>();
  for (const d of group.decisions) {
    if (!isApprover.has(d.approverId) || d.withdrawn) continue;
    if (d.stale) staled.add(d.approverId);
    else live.set(d.approverId, d.decision);
  }

  const decided = [...live.values()];
  const approvals = decided.filter((d) => d === "APPROVE").length;
  const rejections = decided.length - approvals;
  const needed = neededFor(group.rule, group.requiredCount, approvers.length);
  const problem = problemWith(group.rule, group.requiredCount, approvers.length);

  // A live rejection is someone's explicit "no", which outweighs any number of approvals.
  const status: GroupStatus = rejections > 0 ? "REJECTED" : !problem && approvals >= needed ? "APPROVED" : "PENDING";

  return {
    status,
    approvals,
    needed,
    rejections,
    staleCount: [...staled].filter((id) => !live.has(id)).length,
    waitingOn: approvers.filter((id) => !live.has(id)),
    ...(problem ? { problem } : {}),
  };
}
