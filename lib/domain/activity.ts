// One sentence per event, for the activity list and the live feed. Pure, so both server and browser use it.

import { plural } from "@/lib/checklist/quote-list";
import { STATE_INFO, isLaunchState } from "@/lib/signoff/lifecycle";

type P = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const lower = (v: unknown) => s(v).toLowerCase().replace(/_/g, " ");
// Words, never raw enums: "set “Deploy” to Blocked", "moved the launch from Planning to Go".
const ITEM_STATUS_WORD: Record<string, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  BLOCKED: "Blocked",
  NOT_APPLICABLE: "Not applicable",
};
const invitee = (p: P) => (p.email ? s(p.email) : "someone");
const itemStatus = (v: unknown) => ITEM_STATUS_WORD[s(v)] ?? lower(v);
const launchState = (v: unknown) => (isLaunchState(s(v)) ? STATE_INFO[s(v) as keyof typeof STATE_INFO].label : lower(v));
const count = (v: unknown, noun: string) => (typeof v === "number" ? plural(v, noun) : `${s(v)} ${noun}s`);

const DESCRIBE: Record<string, (p: P) => string> = {
  "launch.created": (p) => `created the launch${p.template ? ` from the template “${s(p.template)}”` : ""}`,
  "launch.updated": (p) =>
    p.engineersTake === true
      ? "let engineers take unassigned checks"
      : p.engineersTake === false
        ? "turned off “Take it”: managers assign unowned checks"
        : "updated the launch details",
  "launch.status_changed": (p) => `moved the launch from ${launchState(p.from)} to ${launchState(p.to)}`,
  "member.added": (p) => `added ${s(p.name)} as ${lower(p.role)}`,
  "member.role_changed": (p) => `changed ${s(p.name)}’s role from ${lower(p.from)} to ${lower(p.to)}`,
  "member.removed": (p) => `removed ${s(p.name)} from the launch`,
  // Only managers read the invited address (lib/launches/event-privacy.ts); everyone else reads "someone".
  "invitation.created": (p) => `invited ${invitee(p)} as ${lower(p.role)}`,
  "invitation.renewed": (p) => `sent a new invitation link to ${invitee(p)}`,
  "invitation.revoked": (p) => `withdrew the invitation for ${invitee(p)}`,
  "invitation.accepted": (p) => (p.alreadyMember ? `accepted an invitation (already a member)` : `accepted the invitation and joined as ${lower(p.role)}`),
  "item.created": (p) => `added “${s(p.title)}”`,
  "item.updated": (p) => `edited “${s(p.title)}”`,
  "item.status_changed": (p) => `set “${s(p.title)}” to ${itemStatus(p.to)}${p.reason ? `: ${s(p.reason)}` : ""}`,
  "item.assigned": (p) =>
    p.taken ? `took “${s(p.title)}”` : p.ownerName ? `assigned “${s(p.title)}” to ${s(p.ownerName)}` : `unassigned “${s(p.title)}”`,
  "item.deleted": (p) => `deleted “${s(p.title)}”`,
  "item.moved": (p) => `moved “${s(p.title)}”`,
  "item.commented": (p) => `commented on “${s(p.title)}”`,
  "item.evidence_changed": (p) => `updated the evidence of “${s(p.title)}”`,
  "items.bulk_updated": (p) => `updated ${count(p.count, "item")}`,
  "checklist.imported": (p) => `imported ${count(p.items, "item")} from CSV`,
  "section.created": (p) => `added the section “${s(p.title)}”`,
  "section.updated": (p) => `renamed a section to “${s(p.title)}”`,
  "section.deleted": (p) => `deleted the section “${s(p.title)}”`,
  "template.applied": (p) => `filled the checklist from the template “${s(p.template)}” (${count(p.items, "item")})`,
  "template.saved": (p) => `saved the checklist as the template “${s(p.name)}”`,
  "template.published": (p) => `published the template “${s(p.name)}” to everyone`,
  "template.unpublished": (p) => `made the template “${s(p.name)}” private to its team again`,
  "signoff.group_created": (p) => `added the sign-off group “${s(p.name)}”`,
  "signoff.group_updated": (p) => `changed the sign-off group “${s(p.name)}”`,
  "signoff.group_deleted": (p) => `removed the sign-off group “${s(p.name)}”`,
  "signoff.decided": (p) => `${p.decision === "REJECT" ? "rejected" : "approved"} for ${s(p.group)}${p.comment ? `: ${s(p.comment)}` : ""}`,
  "signoff.withdrawn": (p) => `withdrew their sign-off for ${s(p.group)}`,
  "signoff.revoked": (p) => `${count(p.count, "sign-off")} withdrawn: ${s(p.reason)}`,
  "signoff.stale": (p) => `${count(p.count, "sign-off")} went stale: ${s(p.reason)}`,
  "go.decided": (p) => `recorded ${p.outcome === "GO" ? "GO" : "NO-GO"}${p.overrideReason ? ` (override: ${s(p.overrideReason)})` : ""}`,
  "window.proposed": (p) => `proposed a window on ${s(p.environment)}`,
  "window.scheduled": (p) =>
    `scheduled a window on ${s(p.environment)}${p.range ? ` for ${s(p.range)}` : ""}${p.freezeOverrideReason ? ` (freeze overridden: ${s(p.freezeOverrideReason)})` : ""}`,
  "window.updated": (p) =>
    `moved the window on ${s(p.environment)}${p.range ? ` to ${s(p.range)}` : ""}${p.freezeOverrideReason ? ` (freeze overridden: ${s(p.freezeOverrideReason)})` : ""}`,
  "window.status_changed": (p) => `set the window on ${s(p.environment)} to ${lower(p.to)}`,
  "window.cancelled": (p) => `cancelled the window on ${s(p.environment)}${p.reason ? `: ${s(p.reason)}` : ""}`,
  "freeze.created": (p) => `added a freeze${p.environment ? ` on ${s(p.environment)}` : " on every environment"}: ${s(p.description)} (${s(p.reason)})`,
  "freeze.updated": (p) => {
    const from = (p.from ?? {}) as P;
    const was = from.description !== p.description || from.reason !== p.reason ? ` (was ${s(from.description)}, ${s(from.reason)})` : "";
    return `changed a freeze${p.environment ? ` on ${s(p.environment)}` : " on every environment"} to ${s(p.description)} (${s(p.reason)})${was}`;
  },
  "freeze.deleted": (p) => `deleted the freeze ${s(p.description)}${p.environment ? ` on ${s(p.environment)}` : ""}`,
  "environment.created": (p) => `added the environment ${s(p.environment)}`,
  "environment.updated": (p) => {
    const from = (p.from ?? {}) as P;
    const renamed = from.environment && from.environment !== p.environment;
    const described = Array.isArray(p.fields) && p.fields.includes("description");
    if (!renamed) return `changed the description of the environment ${s(p.environment)}`;
    return `renamed the environment ${s(from.environment)} to ${s(p.environment)}${described ? " and changed its description" : ""}`;
  },
  "status_update.posted": (p) => `posted the status update “${s(p.title)}” (${lower(p.state)})`,
  "status_update.edited": (p) => `edited the status update “${s(p.title)}” (${lower(p.state)})`,
  "status_update.deleted": (p) => `deleted the status update “${s(p.title)}”`,
  "share_link.created": (p) => `created the share link “${s(p.name)}”${p.showNames ? " (shows names)" : ""}`,
  "share_link.revoked": (p) => `revoked the share link “${s(p.name)}”`,
  "webhook.created": (p) => `added a webhook to ${s(p.host)}`,
  "webhook.updated": (p) => `edited the webhook to ${s(p.host)}`,
  "webhook.enabled": (p) => `turned on the webhook to ${s(p.host)}`,
  "webhook.disabled": (p) => `turned off the webhook to ${s(p.host)}${p.reason ? ` (the receiver answered ${s(p.reason)})` : ""}`,
  "webhook.secret_rotated": (p) => `rotated the signing secret of the webhook to ${s(p.host)}`,
  "webhook.deleted": (p) => `deleted the webhook to ${s(p.host)}`,
  "webhook.test_sent": (p) => `sent a test message to the webhook at ${s(p.host)}`,
  "webhook.resent": (p) => `resent a message to the webhook at ${s(p.host)}`,
  "hypercare.started": (p) => `started hypercare for ${s(p.days)} days`,
  "hypercare.plan_changed": () => "moved hypercare's planned end",
  "hypercare.criterion_added": (p) => `added the exit criterion “${s(p.title)}”`,
  "hypercare.criterion_removed": (p) => `removed the exit criterion “${s(p.title)}”`,
  "hypercare.metric_recorded": (p) => `recorded ${s(p.value)}${p.unit ? ` ${s(p.unit)}` : ""} for “${s(p.title)}”`,
  "hypercare.criterion_signed": (p) => `signed “${s(p.title)}”`,
  "hypercare.criterion_unsigned": (p) => `withdrew the signature on “${s(p.title)}”`,
  "hypercare.closed": (p) => (p.overrideReason ? `closed hypercare by override: ${s(p.overrideReason)}` : "closed hypercare with every exit criterion met"),
  "incident.opened": (p) => `opened incident #${s(p.number)} “${s(p.title)}” (Sev ${s(p.severity)}${p.rollbackTrigger ? ", rollback trigger" : ""})`,
  "incident.updated": (p) =>
    `updated incident #${s(p.number)} “${s(p.title)}”${p.fromState ? ` to ${lower(p.state)}` : ""}${p.fromSeverity ? ` (Sev ${s(p.fromSeverity)} → Sev ${s(p.severity)})` : ""}`,
  "incident.noted": (p) => `added a note to incident #${s(p.number)} “${s(p.title)}”`,
  "runbook.created": (p) => (p.template ? `created the runbook from “${s(p.template)}” (${count(p.tasks, "task")})` : "created the runbook"),
  "runbook.imported": (p) => `imported ${count(p.tasks, "task")} into the runbook`,
  "runbook.settings_changed": (p) => `set the rollback to ${s(p.rollbackMin)} min with a ${s(p.bufferMin)} min buffer`,
  "runbook.required_changed": (p) => (p.required ? "made a runbook required for readiness" : "made the runbook optional for readiness"),
  "runbook.stream_added": (p) => `added the runbook stream “${s(p.name)}”`,
  "runbook.stream_renamed": (p) => `renamed the runbook stream “${s(p.from)}” to “${s(p.to)}”`,
  "runbook.stream_deleted": (p) => `deleted the runbook stream “${s(p.name)}”`,
  "runbook.task_added": (p) => `added the runbook task “${s(p.title)}”`,
  "runbook.task_updated": (p) => `edited the runbook task “${s(p.title)}”`,
  "runbook.task_deleted": (p) => `deleted the runbook task “${s(p.title)}”`,
  "runbook.dependency_added": (p) => `made “${s(p.to)}” wait for “${s(p.from)}”`,
  "runbook.dependency_updated": () => "changed a runbook dependency",
  "runbook.dependency_deleted": () => "removed a runbook dependency",
  "runbook.task_started": (p) => `started “${s(p.title)}”${p.runKind === "REHEARSAL" ? " (rehearsal)" : ""}${p.override ? ` early: ${s(p.override)}` : ""}`,
  "runbook.task_finished": (p) => `finished “${s(p.title)}”${p.runKind === "REHEARSAL" ? " (rehearsal)" : ""}`,
  "runbook.task_skipped": (p) => `skipped “${s(p.title)}”: ${s(p.reason)}`,
  "runbook.task_failed": (p) => `failed the validation “${s(p.title)}”: ${s(p.reason)}`,
  "runbook.task_reopened": (p) => `reopened “${s(p.title)}”: ${s(p.reason)}`,
  "runbook.paused": (p) => `paused the runbook${p.message ? `: ${s(p.message)}` : ""}`,
  "runbook.resumed": (p) => `resumed the runbook${p.message ? `: ${s(p.message)}` : ""}`,
  "runbook.rehearsal_started": () => "started a runbook rehearsal",
  "runbook.rehearsal_ended": (p) => `ended a runbook rehearsal${p.rollbackMeasuredMin !== null && p.rollbackMeasuredMin !== undefined ? ` (rollback measured: ${s(p.rollbackMeasuredMin)} min)` : ""}`,
  "runbook.durations_adopted": (p) => `adopted a rehearsal's durations (runbook version ${s(p.revision)})`,
  "runbook.rollback_decided": (p) => `decided to ${lower(p.decision)}${p.rehearsal ? " (rehearsal)" : ""}: ${s(p.trigger)}`,
  // Instance-wide events (no launch): read in the admins' audit search (lib/admin/audit.ts).
  "admin.granted": (p) => `made ${s(p.email)} an instance admin${p.via && p.via !== "admin" ? ` (via ${s(p.via)})` : ""}`,
  "admin.revoked": (p) => `removed ${s(p.email)} as an instance admin${p.via && p.via !== "admin" ? ` (via ${s(p.via)})` : ""}`,
  "user.deactivated": (p) => `deactivated ${s(p.email)}${typeof p.sessionsRevoked === "number" ? ` (${count(p.sessionsRevoked, "session")} ended, ${count(p.tokensRevoked, "API token")} revoked)` : ""}`,
  "user.reactivated": (p) => `reactivated ${s(p.email)}`,
  "api_token.created": (p) => `created the API token “${s(p.name)}”`,
  "api_token.revoked": (p) => `revoked the API token “${s(p.name)}”${p.byAdmin ? " as an admin" : ""}`,
  "calendar_feed.created": () => "created a calendar feed link",
  "calendar_feed.revoked": () => "revoked their calendar feed link",
};

export function describeEvent(type: string, payload: P): string {
  return DESCRIBE[type]?.(payload) ?? type.replace(/[._]/g, " ");
}
