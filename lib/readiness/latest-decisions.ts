// Which of an approver's decisions speaks for them: the latest one. Older decisions are history (a
// re-sign after going stale supersedes the stale one); a withdrawn latest decision means "no say yet".

import type { DecisionState } from "@/lib/signoff/rules";

/** `decisions` oldest first; returns at most one per approver, withdrawn ones dropped, order kept. */
export function latestPerApprover(decisions: readonly DecisionState[]): DecisionState[] {
  const latest = new Map<string, DecisionState>();
  for (const d of decisions) {
    latest.delete(d.approverId);
    latest.set(d.approverId, d);
  }
  return [...latest.values()].filter((d) => !d.withdrawn);
}
