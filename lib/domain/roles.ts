// Who may do what on a launch. Pure: no Next, no Prisma; lib/domain/roles.test.ts sweeps the whole matrix.

export const ROLES = ["MANAGER", "ENGINEER", "APPROVER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  "launch.view",
  "launch.edit",
  "launch.lifecycle",
  "members.manage",
  "checklist.structure",
  "checklist.assign",
  "item.update.own",
  "item.update.any",
  "item.waive-required",
  "item.comment",
  "signoff.configure",
  "signoff.decide",
  "go.decide",
  "window.manage",
  "template.save",
  // Runbook (issue 12): edit the plan; pause, rehearse and decide on rollback; execute tasks.
  "runbook.edit",
  "runbook.run",
  "runbook.execute.own",
  "runbook.execute.any",
  "hypercare.manage",
  "hypercare.record",
  "incident.write",
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, ReadonlySet<Action>> = {
  MANAGER: new Set(ACTIONS),
  // Engineers run hypercare with the managers: they open and update incidents and record metric values.
  ENGINEER: new Set<Action>(["launch.view", "item.update.own", "item.comment", "runbook.execute.own", "hypercare.record", "incident.write"]),
  APPROVER: new Set<Action>(["launch.view", "item.comment", "signoff.decide"]),
  VIEWER: new Set<Action>(["launch.view"]),
};

export type Actor = { userId: string; isAdmin: boolean };
export type LaunchAccess = { role: Role | null; engineersEditAll?: boolean };

/**
 * Instance admins may view every launch and manage its members (to repair a launch whose managers left),
 * but act on checklists and sign-offs only through a membership: a sign-off must be someone's own word.
 */
export function can(actor: Actor, access: LaunchAccess, action: Action): boolean {
  if (actor.isAdmin && (action === "launch.view" || action === "members.manage")) return true;
  if (!access.role) return false;
  if (action === "item.update.any" && access.role === "ENGINEER") return access.engineersEditAll === true;
  // Engineers who may update any item may also execute any runbook task (the same manager setting).
  if (action === "runbook.execute.any" && access.role === "ENGINEER") return access.engineersEditAll === true;
  return MATRIX[access.role].has(action);
}

/** May this member start, finish, skip, fail or reopen this runbook task (in any run)? */
export function canExecuteTask(actor: Actor, access: LaunchAccess, task: { assigneeIds: readonly string[] }) {
  if (can(actor, access, "runbook.execute.any")) return true;
  return can(actor, access, "runbook.execute.own") && task.assigneeIds.includes(actor.userId);
}

/** May this member change this item's status, evidence and comments? */
export function canUpdateItem(actor: Actor, access: LaunchAccess, item: { ownerId: string | null }) {
  if (can(actor, access, "item.update.any")) return true;
  return can(actor, access, "item.update.own") && item.ownerId === actor.userId;
}

export const ROLE_LABEL: Record<Role, string> = {
  MANAGER: "Manager",
  ENGINEER: "Engineer",
  APPROVER: "Approver",
  VIEWER: "Viewer",
};

export const ROLE_HELP: Record<Role, string> = {
  MANAGER: "Schedules windows, shapes the checklist, manages members, runs the go/no-go",
  ENGINEER: "Ticks off the checks assigned to them",
  APPROVER: "Signs off for their groups",
  VIEWER: "Watches status, read-only",
};
