import type { EvaluatedGroup } from "./readiness-reasons";
import { plural } from "@/lib/checklist/quote-list";
import { diffReadiness, isUnchanged, type ReadinessDiff, type ReadinessDTO } from "./dto";

// "What changed since you signed", told to the approver: only what changed that they did not cause.
// Their own decision moves their own group's count ("0 of 2" -> "1 of 2") and maybe the readiness state;
// repeating that back right after signing is noise. Sign-off progress is therefore told per group,
// other groups only, and the approver's own group only when its approvals went stale.

export type GroupChange = { name: string; before: string; after: string };
export type DecisionDiff = ReadinessDiff & { groups: GroupChange[] };

const describe = (g: EvaluatedGroup | undefined): string => {
  if (!g) return "not set up";
  if (g.status === "APPROVED") return "approved";
  if (g.status === "REJECTED") return "rejected";
  return `${g.approvals} of ${g.needed} approvals`;
};

export function changesSinceDecision(snapshot: ReadinessDTO, current: ReadinessDTO, ownGroupId: string): DecisionDiff {
  const diff = diffReadiness(snapshot, current);
  const notSignoff = (r: { code: string }) => !r.code.startsWith("SIGNOFF_");
  const before = snapshot.groups ?? {};
  const after = current.groups ?? {};
  const groups: GroupChange[] = [];
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [b, a] = [before[id], after[id]];
    if (id === ownGroupId) {
      if (a && a.staleCount > (b?.staleCount ?? 0)) groups.push({ name: a.name, before: "signed", after: `${plural(a.staleCount, "sign-off")} went stale` });
      continue;
    }
    const [was, is] = [describe(b), describe(a)];
    if (was !== is) groups.push({ name: (a ?? b)!.name, before: was, after: a ? is : "removed" });
  }
  const rest = {
    added: diff.added.filter(notSignoff),
    removed: diff.removed.filter(notSignoff),
    changed: diff.changed.filter((c) => notSignoff(c.after)),
  };
  const relevant = { ...diff, ...rest, stateAfter: diff.stateBefore };
  const anything = !isUnchanged(relevant) || groups.length > 0;
  return { ...relevant, groups, stateAfter: anything ? diff.stateAfter : diff.stateBefore };
}

export function isDecisionUnchanged(diff: DecisionDiff): boolean {
  return isUnchanged(diff) && diff.groups.length === 0;
}
