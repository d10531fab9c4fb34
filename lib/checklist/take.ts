import type { Role } from "@/lib/domain/roles";
import type { ItemDTO, ViewerRights } from "./dto";

// "Take it": an engineer at 2 a.m. facing an unassigned check assigns it to themselves rather than waiting
// for a manager. Rule: managers may always take an item nobody owns (they may assign anyone anyway);
// engineers may unless a manager turned it off for the launch (launch.engineersTake).

export function canTake(role: Role | null, ownerId: string | null, engineersTake: boolean): boolean {
  if (ownerId !== null) return false;
  return role === "MANAGER" || (role === "ENGINEER" && engineersTake);
}

/** Why this viewer can't tick this item, in words; null when they can. */
export function tickHint(
  viewer: ViewerRights,
  item: Pick<ItemDTO, "ownerId">,
  ownerName: string | null,
  engineersTake = true,
): string | null {
  if (viewer.updateAny || (viewer.updateOwn && item.ownerId === viewer.userId)) return null;
  if (viewer.role === "VIEWER" || viewer.role === null) return "Viewers can follow the checklist but not change it";
  if (viewer.role === "APPROVER") return "Approvers sign off; ticking checks is for their owners and managers";
  if (item.ownerId === null) {
    return canTake(viewer.role, null, engineersTake)
      ? "Unassigned — take it to tick it, or ask a manager to assign it"
      : "Unassigned — a manager turned off “Take it” on this launch: ask a manager to assign it";
  }
  return `Assigned to ${ownerName ?? "someone else"} — only the owner or a manager can tick it`;
}
