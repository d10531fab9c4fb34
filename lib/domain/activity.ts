// One sentence per event, for the activity list and the live feed. Pure, so both server and browser use it.

type P = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const lower = (v: unknown) => s(v).toLowerCase().replace(/_/g, " ");

const DESCRIBE: Record<string, (p: P) => string> = {
  "launch.created": (p) => `created the launch${p.template ? ` from the template “${s(p.template)}”` : ""}`,
  "launch.updated": () => "updated the launch details",
  "launch.status_changed": (p) => `moved the launch from ${lower(p.from)} to ${lower(p.to)}`,
  "member.added": (p) => `added ${s(p.name)} as ${lower(p.role)}`,
  "member.role_changed": (p) => `changed ${s(p.name)}’s role from ${lower(p.from)} to ${lower(p.to)}`,
  "member.removed": (p) => `removed ${s(p.name)} from the launch`,
  "item.created": (p) => `added “${s(p.title)}”`,
  "item.updated": (p) => `edited “${s(p.title)}”`,
  "item.status_changed": (p) =>
    `marked “${s(p.title)}” ${lower(p.to)}${p.reason ? `: ${s(p.reason)}` : ""}`,
  "item.assigned": (p) => (p.ownerName ? `assigned “${s(p.title)}” to ${s(p.ownerName)}` : `unassigned “${s(p.title)}”`),
  "item.deleted": (p) => `deleted “${s(p.title)}”`,
  "item.moved": (p) => `moved “${s(p.title)}”`,
  "item.commented": (p) => `commented on “${s(p.title)}”`,
  "item.evidence_changed": (p) => `updated the evidence of “${s(p.title)}”`,
  "items.bulk_updated": (p) => `updated ${s(p.count)} items`,
  "checklist.imported": (p) => `imported ${s(p.items)} items from CSV`,
  "section.created": (p) => `added the section “${s(p.title)}”`,
  "section.updated": (p) => `renamed a section to “${s(p.title)}”`,
  "section.deleted": (p) => `deleted the section “${s(p.title)}”`,
  "template.applied": (p) => `filled the checklist from the template “${s(p.template)}” (${s(p.items)} items)`,
  "template.saved": (p) => `saved the checklist as the template “${s(p.name)}”`,
  "signoff.group_created": (p) => `added the sign-off group “${s(p.name)}”`,
  "signoff.group_updated": (p) => `changed the sign-off group “${s(p.name)}”`,
  "signoff.group_deleted": (p) => `removed the sign-off group “${s(p.name)}”`,
  "signoff.decided": (p) => `${p.decision === "REJECT" ? "rejected" : "approved"} for ${s(p.group)}${p.comment ? `: ${s(p.comment)}` : ""}`,
  "signoff.withdrawn": (p) => `withdrew their sign-off for ${s(p.group)}`,
  "signoff.stale": (p) => `${s(p.count)} sign-off(s) went stale: ${s(p.reason)}`,
  "go.decided": (p) => `recorded ${p.outcome === "GO" ? "GO" : "NO-GO"}${p.overrideReason ? ` (override: ${s(p.overrideReason)})` : ""}`,
  "window.proposed": (p) => `proposed a window on ${s(p.environment)}`,
  "window.scheduled": (p) =>
    `scheduled a window on ${s(p.environment)}${p.range ? ` for ${s(p.range)}` : ""}${p.freezeOverrideReason ? ` (freeze overridden: ${s(p.freezeOverrideReason)})` : ""}`,
  "window.updated": (p) =>
    `moved the window on ${s(p.environment)}${p.range ? ` to ${s(p.range)}` : ""}${p.freezeOverrideReason ? ` (freeze overridden: ${s(p.freezeOverrideReason)})` : ""}`,
  "window.status_changed": (p) => `marked the window on ${s(p.environment)} ${lower(p.to)}`,
  "window.cancelled": (p) => `cancelled the window on ${s(p.environment)}${p.reason ? `: ${s(p.reason)}` : ""}`,
  "freeze.created": (p) => `added a freeze${p.environment ? ` on ${s(p.environment)}` : " on every environment"}: ${s(p.description)} (${s(p.reason)})`,
  "freeze.deleted": (p) => `deleted the freeze ${s(p.description)}${p.environment ? ` on ${s(p.environment)}` : ""}`,
  "environment.created": (p) => `added the environment ${s(p.environment)}`,
};

export function describeEvent(type: string, payload: P): string {
  return DESCRIBE[type]?.(payload) ?? type.replace(/[._]/g, " ");
}
