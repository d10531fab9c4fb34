// Who gets which notification from a committed event: pure, so it is unit-tested without a database.
// An intent names an audience; lib/notifications/reactor.ts resolves it to users from the database.
import { DEFAULT_MODE, type NotificationKind, type NotificationMode } from "./kinds";

export type EventLike = { id: string; launchId: string | null; actorId: string | null; type: string; payload: Record<string, unknown> };

export type Audience =
  | { type: "users"; userIds: string[] }
  | { type: "taskAssignees"; taskId: string }
  | { type: "startableAfter"; runId: string; taskId: string }
  | { type: "groupApprovers"; groupId: string }
  | { type: "decisionApprovers"; decisionIds: string[] }
  | { type: "members" };

export type Intent = {
  kind: NotificationKind;
  audience: Audience;
  /** Stable for the event: with the kind and user it forms the idempotency key. */
  ref: string;
  /** The subject and first line, without the launch's name (added by the reactor). */
  summary: string;
  /** The page of the launch it concerns, relative to the launch. */
  path: string;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const quote = (v: unknown) => `“${str(v).slice(0, 200)}”`;

export function intentsFor(e: EventLike): Intent[] {
  if (!e.launchId) return [];
  const p = e.payload;
  const ref = `event-${e.id}`;
  switch (e.type) {
    case "item.assigned":
      return str(p.ownerId) ? [{ kind: "assigned", audience: { type: "users", userIds: [str(p.ownerId)] }, ref, summary: `${quote(p.title)} was assigned to you`, path: "/checklist" }] : [];
    case "items.bulk_updated":
      return p.kind === "assign" && str(p.ownerId)
        ? [{ kind: "assigned", audience: { type: "users", userIds: [str(p.ownerId)] }, ref, summary: `${Number(p.count) || strings(p.itemIds).length} checklist items were assigned to you`, path: "/checklist" }]
        : [];
    case "runbook.task_added":
      return str(p.taskId) ? [{ kind: "assigned", audience: { type: "users", userIds: strings(p.assigneeIds) }, ref, summary: `The runbook task ${quote(p.title)} was assigned to you`, path: "/runbook" }] : [];
    case "runbook.task_updated":
      return strings(p.assigneesAdded).length
        ? [{ kind: "assigned", audience: { type: "users", userIds: strings(p.assigneesAdded) }, ref, summary: `The runbook task ${quote(p.title)} was assigned to you`, path: "/runbook" }]
        : [];
    case "runbook.task_finished":
    case "runbook.task_skipped":
      return str(p.runId) && str(p.taskId)
        ? [{ kind: "startable", audience: { type: "startableAfter", runId: str(p.runId), taskId: str(p.taskId) }, ref, summary: `Your runbook task can start${p.runKind === "REHEARSAL" ? " (rehearsal)" : ""}`, path: "/runbook" }]
        : [];
    case "signoff.group_created":
    case "signoff.group_updated":
      return str(p.groupId) ? [{ kind: "signoff_requested", audience: { type: "groupApprovers", groupId: str(p.groupId) }, ref, summary: `Your sign-off is requested for ${quote(p.name)}`, path: "/signoffs" }] : [];
    case "signoff.stale":
      return strings(p.decisionIds).length
        ? [{ kind: "signoff_stale", audience: { type: "decisionApprovers", decisionIds: strings(p.decisionIds) }, ref, summary: `Your sign-off went stale: ${str(p.reason).slice(0, 200) || "something changed after you signed"}`, path: "/signoffs" }]
        : [];
    case "go.decided":
      return [{ kind: "go_decision", audience: { type: "members" }, ref, summary: p.outcome === "GO" ? "GO recorded" : "NO-GO recorded", path: "/go-no-go" }];
    case "incident.opened":
    case "incident.updated": {
      const sev1 = p.severity === 1 && (e.type === "incident.opened" || (p.fromSeverity !== undefined && p.fromSeverity !== 1));
      return sev1 ? [{ kind: "sev1", audience: { type: "members" }, ref, summary: `Sev 1 opened: #${Number(p.number) || "?"} ${quote(p.title)}`, path: "/hypercare" }] : [];
    }
    default:
      return [];
  }
}

/** The window an event concerns, when its reminder may have to be scheduled, moved or cancelled. */
export function windowOf(e: EventLike): string | null {
  return e.type.startsWith("window.") && typeof e.payload.windowId === "string" ? e.payload.windowId : null;
}

/** Each user once, never the one who made the change. */
export function recipients(userIds: readonly string[], actorId: string | null): string[] {
  return [...new Set(userIds)].filter((id) => id && id !== actorId);
}

/** A kind's own choice, else the user's "all", else the default. A reminder waits for no digest. */
export function resolveMode(prefs: readonly { kind: string; mode: NotificationMode }[], kind: NotificationKind | "digest"): NotificationMode {
  const own = prefs.find((p) => p.kind === kind)?.mode;
  const all = prefs.find((p) => p.kind === "all")?.mode;
  const mode = own ?? all ?? DEFAULT_MODE;
  return kind === "window_start" && mode === "DIGEST" ? "IMMEDIATE" : mode;
}

export const notificationKey = (kind: string, userId: string, ref: string) => `${kind}:${userId}:${ref}`;
export const reminderRef = (windowId: string, startsAt: Date) => `window-start:${windowId}:${startsAt.toISOString()}`;
