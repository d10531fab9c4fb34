// Which live events become a browser notification for the person watching a launch page. The same rules
// as the mail (intentsFor in ./rules.ts), resolved with what the browser already holds instead of a
// database: the event, the viewer's id and the sign-off groups in the query cache (the live patch of a
// sign-off event carries them). Pure and client-safe, so it is unit-tested and never costs the server.
//
// Decidable here: "users" (ids in the payload), "members" (the viewer is a member of the launch),
// sign-off approvers (from the groups). Not decidable without the server's data: "your task can start"
// (needs the run's other tasks); those stay mail-only. The window reminder is a timed job, not an event.
import type { NotificationKind } from "./kinds";
import { intentsFor, recipients, type Audience } from "./rules";

export type StreamEvent = { id: string; type: string; actorId: string | null; actorName: string | null; payload: Record<string, unknown> };

/** Only what the sign-off audiences need of the launch's groups. */
export type GroupsLike = readonly { id: string; approvers: readonly { userId: string }[]; decisions: readonly { id: string; approverId: string }[] }[];

export type Viewer = {
  userId: string;
  launchId: string;
  launchName: string;
  /** Members only: an admin looking at a launch they are not on gets no member notifications. */
  isMember: boolean;
  groups?: GroupsLike;
  /** The highest event id any tab of this browser has already handled for this launch ("0" for none). */
  handledThrough: string;
};

export type BrowserNotice = { eventId: string; kind: NotificationKind; title: string; body: string; tag: string; path: string };

function concernsViewer(audience: Audience, viewer: Viewer): boolean {
  const me = viewer.userId;
  switch (audience.type) {
    case "users":
      return audience.userIds.includes(me);
    case "members":
      return true;
    case "groupApprovers":
      return !!viewer.groups?.some((g) => g.id === audience.groupId && g.approvers.some((a) => a.userId === me));
    case "decisionApprovers":
      return !!viewer.groups?.some((g) => g.decisions.some((d) => audience.decisionIds.includes(d.id) && d.approverId === me));
    case "startableAfter":
    case "taskAssignees":
      return false;
  }
}

/** The tag of an event's notification: the browser replaces, not stacks, two with one tag. */
export const noticeTag = (eventId: string) => `liftoff-event-${eventId}`;

/**
 * The notifications `events` give `viewer`: never for their own changes, never for an event at or below
 * `handledThrough` (a replay after a reconnect, or one another tab already handled), one per event.
 */
export function browserNotices(events: readonly StreamEvent[], viewer: Viewer): BrowserNotice[] {
  if (!viewer.isMember) return [];
  const through = BigInt(viewer.handledThrough || "0");
  const out: BrowserNotice[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if (BigInt(e.id) <= through || seen.has(e.id)) continue;
    if (recipients([viewer.userId], e.actorId).length === 0) continue;
    const intent = intentsFor({ id: e.id, launchId: viewer.launchId, actorId: e.actorId, type: e.type, payload: e.payload }).find((i) =>
      concernsViewer(i.audience, viewer),
    );
    if (!intent) continue;
    seen.add(e.id);
    out.push({
      eventId: e.id,
      kind: intent.kind,
      title: intent.summary,
      body: e.actorName ? `${viewer.launchName} · by ${e.actorName}` : viewer.launchName,
      tag: noticeTag(e.id),
      path: `/launches/${viewer.launchId}${intent.path}`,
    });
  }
  return out;
}

/** The highest id among `events` and `through`, as a string (event ids are bigserial). */
export function highestId(through: string, events: readonly { id: string }[]): string {
  let max = BigInt(through || "0");
  for (const e of events) if (BigInt(e.id) > max) max = BigInt(e.id);
  return max.toString();
}
