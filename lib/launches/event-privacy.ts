import type { Role } from "@/lib/domain/roles";

// Which event payload fields only some readers see. Pure: the activity part (lib/launches/view.ts) and
// the live stream's encodings (lib/live/encode.ts) apply the same rule.
//
// An invited address is the managers' business until it joins: the pending invitations list is shown to
// managers only, so the events that name an invited address (invited, new link, withdrawn, accepted) carry
// it only to managers and instance admins (who may manage any launch's members). Everyone else reads
// "invited someone as engineer".

/** Whether `role` (or an instance admin) sees invited addresses in events. */
export const seesInvitees = (role: Role | null, isAdmin: boolean) => isAdmin || role === "MANAGER";

const HIDDEN_FROM_NON_MANAGERS: Record<string, readonly string[]> = {
  "invitation.created": ["email"],
  "invitation.renewed": ["email"],
  "invitation.revoked": ["email"],
  "invitation.accepted": ["email"],
};

/** The event as a non-manager may read it: the same object when nothing in it is hidden. */
export function eventForNonManagers<E extends { type: string; payload: Record<string, unknown> }>(event: E): E {
  const hidden = HIDDEN_FROM_NON_MANAGERS[event.type];
  if (!hidden?.some((field) => field in event.payload)) return event;
  const payload = { ...event.payload };
  for (const field of hidden) delete payload[field];
  return { ...event, payload };
}

/** The events as a non-manager may read them: the same array when none of them hides anything. */
export function eventsForNonManagers<E extends { type: string; payload: Record<string, unknown> }>(events: readonly E[]): readonly E[] {
  const shown = events.map(eventForNonManagers);
  return shown.some((e, i) => e !== events[i]) ? shown : events;
}

/** The activity list for a reader: unchanged for managers, without invited addresses for everyone else. */
export function redactActivity<E extends { type: string; payload: Record<string, unknown> }>(entries: E[], seesInvited: boolean): E[] {
  return seesInvited ? entries : entries.map(eventForNonManagers);
}
