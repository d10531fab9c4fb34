import { plural, quoteList } from "@/lib/checklist/quote-list";
import type { PendingPerson } from "@/components/launches/who-must-act";

// "Waiting on" must never read "Nobody" while work has no owner: unowned required checks and sign-off
// groups without approvers are what the managers must act on.

/** Unowned required checks and sign-off groups nobody can approve, as entries for the managers. */
export function unownedWork(unownedChecks: number, unstaffedGroups: readonly string[]): PendingPerson[] {
  const gaps: PendingPerson[] = [];
  if (unownedChecks > 0) {
    gaps.push({
      userId: "unassigned:checks",
      kind: "unassigned",
      name: "Managers: assign owners",
      what: [`${plural(unownedChecks, "required check")} ${unownedChecks === 1 ? "has" : "have"} no owner`],
    });
  }
  if (unstaffedGroups.length > 0) {
    const n = unstaffedGroups.length;
    gaps.push({
      userId: "unassigned:groups",
      kind: "unassigned",
      name: "Managers: staff sign-off groups",
      what: [`${plural(n, "sign-off group")} without approvers: ${quoteList(unstaffedGroups)}`],
    });
  }
  return gaps;
}
