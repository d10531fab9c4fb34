import "server-only";
import { runCommand, runLaunchCommand } from "@/lib/server/command";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { Actor, Role } from "@/lib/domain/roles";
import type { Tx } from "@/lib/db/client";
import type { AddMemberInput, ChangeRoleInput, RemoveMemberInput } from "./launch.schema";
import { z } from "zod";
import { changeRoleSchema, createLaunchSchema, removeMemberSchema } from "./launch.schema";
import { withdrawDecisionsOnMemberChange } from "@/lib/signoff/withdraw-on-member-change";

type CreateLaunch = z.output<typeof createLaunchSchema>;

/** Hook for capabilities that fill a new launch (a template's checklist, sign-off groups). */
export type LaunchInitializer = (tx: Tx, launchId: string, input: CreateLaunch, actor: Actor) => Promise<Record<string, unknown>>;

export async function createLaunch(actor: Actor, input: CreateLaunch, init?: LaunchInitializer) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const launch = await tx.launch.create({
      data: {
        name: input.name,
        system: input.system,
        description: input.description,
        timeZone: input.timeZone,
        members: { create: { userId: actor.userId, role: "MANAGER" } },
      },
      select: { id: true },
    });
    const extra = init ? await init(tx, launch.id, input, actor) : {};
    emit(launch.id, {
      type: "launch.created",
      payload: { name: input.name, system: input.system, timeZone: input.timeZone, ...extra },
    });
    return launch;
  });
  return result;
}

// Adding a member by email creates an invitation: lib/launches/invitations.ts.

async function loadMember(tx: Tx, launchId: string, memberId: string) {
  const member = await tx.member.findFirst({
    where: { id: memberId, launchId },
    select: { id: true, role: true, userId: true, user: { select: { name: true } } },
  });
  if (!member) throw new NotFoundError("That member is no longer on this launch.");
  return member;
}

// Serialises concurrent role changes and removals on one launch, so "last manager" cannot be raced away.
async function lockManagers(tx: Tx, launchId: string) {
  await tx.$queryRaw`SELECT id FROM "member" WHERE launch_id = ${launchId} AND role = 'MANAGER' FOR UPDATE`;
  return tx.member.count({ where: { launchId, role: "MANAGER" } });
}

const LAST_MANAGER = "A launch needs at least one manager. Make someone else a manager first.";

export async function changeMemberRole(actor: Actor, input: z.output<typeof changeRoleSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "members.manage", async (ctx) => {
    const { tx, launch, emit } = ctx;
    const managers = await lockManagers(tx, launch.id);
    const member = await loadMember(tx, launch.id, input.memberId);
    if (member.role === input.role) return { id: member.id, role: member.role as Role };
    if (member.role === "MANAGER" && managers <= 1) throw new ConflictError(LAST_MANAGER);
    await tx.member.update({ where: { id: member.id }, data: { role: input.role } });
    emit({
      type: "member.role_changed",
      payload: { memberId: member.id, userId: member.userId, name: member.user.name, from: member.role, to: input.role },
    });
    // Only approvers sign off (decision-commands.ts): leaving the role withdraws their live decisions.
    if (member.role === "APPROVER") await withdrawDecisionsOnMemberChange(ctx, { userId: member.userId, name: member.user.name, why: "demoted", to: input.role });
    return { id: member.id, role: input.role as Role };
  });
  return result;
}

export async function removeMember(actor: Actor, input: z.output<typeof removeMemberSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "members.manage", async (ctx) => {
    const { tx, launch, emit } = ctx;
    const managers = await lockManagers(tx, launch.id);
    const member = await loadMember(tx, launch.id, input.memberId);
    if (member.role === "MANAGER" && managers <= 1) throw new ConflictError(LAST_MANAGER);
    await tx.member.delete({ where: { id: member.id } });
    emit({ type: "member.removed", payload: { memberId: member.id, userId: member.userId, name: member.user.name, role: member.role } });
    await withdrawDecisionsOnMemberChange(ctx, { userId: member.userId, name: member.user.name, why: "removed" });
    return { id: member.id };
  });
  return result;
}

export type { AddMemberInput, ChangeRoleInput, RemoveMemberInput };
