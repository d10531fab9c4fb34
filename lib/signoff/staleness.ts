// A sign-off vouches for the launch as it was when given. When a gate regresses, a required item
// appears or the window moves, earlier decisions no longer describe the launch and go stale;
// the approver is asked to decide again, and the reason tells them what changed.

import type { ItemStatus } from "../checklist/types";

export type StalenessChange =
  | { kind: "item_regressed"; at: Date; description: string; from?: ItemStatus }
  | { kind: "required_item_added"; at: Date; description: string }
  | { kind: "window_moved"; at: Date; description: string }
  | { kind: "required_item_removed"; at: Date; description: string }
  | { kind: "item_made_optional"; at: Date; description: string }
  | { kind: "checklist_replaced"; at: Date };

export type DecisionForStaleness = { id: string; createdAt: Date; stale: boolean; withdrawn: boolean };

/**
 * Addressed to the approver. For item changes `description` is the item's title; for a window move it
 * says how it moved ("from Sat 6 Jun 02:00 to Sun 7 Jun 03:00 BST").
 */
export function stalenessReason(change: StalenessChange): string {
  switch (change.kind) {
    case "item_regressed": {
      const was = change.from === "NOT_APPLICABLE" ? "not applicable" : "done";
      return `“${change.description}” reopened (was ${was}) after you signed`;
    }
    case "required_item_added":
      return `Required item “${change.description}” was added after you signed`;
    case "window_moved":
      return `The deployment window moved ${change.description} after you signed`;
    case "required_item_removed":
      return `Required item “${change.description}” was deleted after you signed`;
    case "item_made_optional":
      return `“${change.description}” was made optional after you signed`;
    case "checklist_replaced":
      return "The checklist was replaced from a CSV file after you signed";
  }
}

/** The live decisions made before `change`, each with the reason it goes stale. */
export function staleDecisions(
  decisions: readonly DecisionForStaleness[],
  change: StalenessChange,
): { id: string; reason: string }[] {
  const reason = stalenessReason(change);
  // Strictly before: a decision recorded in the same instant as the change has already seen it.
  return decisions
    .filter((d) => !d.stale && !d.withdrawn && d.createdAt.getTime() < change.at.getTime())
    .map((d) => ({ id: d.id, reason }));
}
