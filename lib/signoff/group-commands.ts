import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { lastEditorName } from "@/lib/server/last-editor";
import { checkApprovers, checkRule } from "./approvers";
import type { createGroupSchema, deleteGroupSchema, updateGroupSchema } from "./signoff.schema";

type GroupData = z.output<typeof createGroupSchema>;

async function checkNameFree(tx: Tx, launchId: string, name: string, exceptId?: string) {
  const clash = await tx.signoffGroup.findFirst({
    where: { launchId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ValidationError(`This launch already has a sign-off group called “${name}”.`, { name: ["Choose another name"] });
}

async function validated(tx: Tx, launchId: string, data: GroupData, exceptId?: string) {
  await checkNameFree(tx, launchId, data.name, exceptId);
  const approvers = await checkApprovers(tx, launchId, data.approverIds);
  const requiredCount = checkRule(data.rule, data.requiredCount, approvers.length);
  return { approvers, requiredCount };
}

const describeRule = (rule: string, n: number | null, m: number) =>
  rule === "ANY" ? "any one" : rule === "ALL" ? "all" : `${n} of ${m}`;

export async function createGroup(actor: Actor, input: GroupData) {
  const { result } = await runLaunchCommand(actor, input.launchId, "signoff.configure", async ({ tx, launch, emit }) => {
    const { approvers, requiredCount } = await validated(tx, launch.id, input);
    const last = await tx.signoffGroup.aggregate({ where: { launchId: launch.id }, _max: { position: true } });
    const group = await tx.signoffGroup.create({
      data: {
        launchId: launch.id,
        name: input.name,
        rule: input.rule,
        requiredCount,
        position: (last._max.position ?? -1) + 1,
        approvers: { create: approvers.map((a) => ({ userId: a.userId })) },
      },
      select: { id: true },
    });
    emit({
      type: "signoff.group_created",
      payload: { groupId: group.id, name: input.name, rule: describeRule(input.rule, requiredCount, approvers.length), approvers: approvers.map((a) => a.name) },
    });
    return group;
  });
  return result;
}

async function loadGroup(tx: Tx, launchId: string, groupId: string) {
  // The launch id in the where: a group id from another launch is simply not found.
  const group = await tx.signoffGroup.findFirst({
    where: { id: groupId, launchId },
    select: { id: true, name: true, rule: true, requiredCount: true, version: true, approvers: { select: { userId: true } } },
  });
  if (!group) throw new NotFoundError("That sign-off group no longer exists. Reload to see the current groups.");
  return group;
}

export type GroupConflict = {
  id: string;
  name: string;
  rule: string;
  requiredCount: number | null;
  version: number;
  approvers: { userId: string; name: string }[];
  updatedByName: string | null;
};

/** The group as it is now and who changed it, for the user whose edit was made on an older version. */
async function groupConflict(tx: Tx, launchId: string, groupId: string): Promise<never> {
  const now = await tx.signoffGroup.findUniqueOrThrow({
    where: { id: groupId },
    select: { id: true, name: true, rule: true, requiredCount: true, version: true, approvers: { select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } } },
  });
  const updatedByName = await lastEditorName(tx, launchId, "groupId", groupId);
  const approvers = now.approvers.map((a) => ({ userId: a.userId, name: a.user.name }));
  const rule = describeRule(now.rule, now.requiredCount, approvers.length);
  throw new ConflictError<GroupConflict>(
    `${updatedByName ?? "Someone"} changed the group “${now.name}” since you opened it: now ${rule} of ${approvers.map((a) => a.name).join(", ") || "no approvers"}. Your changes were not saved; check them and try again.`,
    { ...now, approvers, updatedByName },
  );
}

export async function updateGroup(actor: Actor, input: z.output<typeof updateGroupSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "signoff.configure", async ({ tx, launch, emit }) => {
    const group = await loadGroup(tx, launch.id, input.groupId);
    if (group.version !== input.version) await groupConflict(tx, launch.id, group.id);
    const { approvers, requiredCount } = await validated(tx, launch.id, input, group.id);
    const before = new Set(group.approvers.map((a) => a.userId));
    const unchanged =
      group.name === input.name && group.rule === input.rule && group.requiredCount === requiredCount &&
      before.size === approvers.length && approvers.every((a) => before.has(a.userId));
    if (unchanged) return { id: group.id, version: group.version };
    // The version in the where as well: of two edits racing past the check above, one wins.
    const { count } = await tx.signoffGroup.updateMany({
      where: { id: group.id, launchId: launch.id, version: input.version },
      data: { name: input.name, rule: input.rule, requiredCount, version: { increment: 1 } },
    });
    if (count === 0) await groupConflict(tx, launch.id, group.id);
    // Replacing the approver list keeps decisions as history; evaluateGroup ignores those of removed approvers.
    await tx.signoffApprover.deleteMany({ where: { groupId: group.id } });
    if (approvers.length) await tx.signoffApprover.createMany({ data: approvers.map((a) => ({ groupId: group.id, userId: a.userId })) });
    emit({
      type: "signoff.group_updated",
      payload: {
        groupId: group.id,
        name: input.name,
        ...(group.name !== input.name ? { previousName: group.name } : {}),
        rule: describeRule(input.rule, requiredCount, approvers.length),
        approvers: approvers.map((a) => a.name),
      },
    });
    return { id: group.id, version: input.version + 1 };
  });
  return result;
}

export async function deleteGroup(actor: Actor, input: z.output<typeof deleteGroupSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "signoff.configure", async ({ tx, launch, emit }) => {
    const group = await loadGroup(tx, launch.id, input.groupId);
    const decisions = await tx.signoffDecision.count({ where: { groupId: group.id } });
    await tx.signoffGroup.delete({ where: { id: group.id } });
    emit({ type: "signoff.group_deleted", payload: { groupId: group.id, name: group.name, decisionsDiscarded: decisions } });
    return { id: group.id };
  });
  return result;
}
