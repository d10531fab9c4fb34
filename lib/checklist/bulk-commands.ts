import "server-only";
import type { z } from "zod";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { can, canUpdateItem, type Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { gateChanged } from "@/lib/server/hooks";
import type { bulkAssignSchema, bulkStatusSchema } from "./checklist.schema";
import { checkOwner, ITEM_STATE } from "./command-helpers";
import type { BulkResult } from "./dto";
import { checkStatusChange, isRegression } from "./transitions";
import type { ItemStatus } from "./types";

// Bulk edits apply what they can and report each refusal by title, in one transaction and one event.
// They carry no versions: "set these to X" is the user's intent whatever the items were before.

export async function bulkAssign(actor: Actor, input: z.output<typeof bulkAssignSchema>): Promise<BulkResult> {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.assign", async (ctx) => {
    const owner = await checkOwner(ctx.tx, ctx.launch.id, input.ownerId);
    const items = await ctx.tx.checklistItem.findMany({ where: { id: { in: input.itemIds }, launchId: ctx.launch.id }, select: { id: true } });
    if (items.length === 0) throw new NotFoundError("None of the selected items is on this checklist any more. Reload and select again.");
    const ids = items.map((i) => i.id);
    await ctx.tx.checklistItem.updateMany({
      where: { id: { in: ids } },
      data: { ownerId: input.ownerId, updatedById: actor.userId, version: { increment: 1 } },
    });
    ctx.emit({ type: "items.bulk_updated", payload: { kind: "assign", itemIds: ids, count: ids.length, ownerId: input.ownerId, ownerName: owner?.name ?? null } });
    return { updated: ids, refused: [] };
  });
  return result;
}

export async function bulkChangeStatus(actor: Actor, input: z.output<typeof bulkStatusSchema>): Promise<BulkResult> {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.view", async (ctx) => {
    const { tx, launch } = ctx;
    if (!can(ctx.actor, ctx.access, "item.update.own") && !can(ctx.actor, ctx.access, "item.update.any")) {
      throw new ForbiddenError("Your role on this launch is read-only for items.");
    }
    const items = await tx.checklistItem.findMany({ where: { id: { in: input.itemIds }, launchId: launch.id }, select: ITEM_STATE });
    if (items.length === 0) throw new NotFoundError("None of the selected items is on this checklist any more. Reload and select again.");
    const edges = await tx.itemDependency.findMany({
      where: { itemId: { in: items.map((i) => i.id) } },
      select: { itemId: true, predecessor: { select: { id: true, title: true, status: true } } },
    });
    // Statuses as they will be after this batch, so ticking a predecessor and its successor together works.
    const status = new Map<string, ItemStatus>(edges.map((e) => [e.predecessor.id, e.predecessor.status as ItemStatus]));
    for (const i of items) status.set(i.id, i.status as ItemStatus);
    const isManager = can(ctx.actor, ctx.access, "item.waive-required");
    const pending = items.filter((i) => i.status !== input.status);
    const refusals = new Map<string, string>();
    const accepted: typeof items = [];
    for (let progress = true; progress; ) {
      progress = false;
      for (const item of pending) {
        if (accepted.includes(item)) continue;
        if (!canUpdateItem(ctx.actor, ctx.access, item)) {
          refusals.set(item.id, "You can update only the items assigned to you.");
          continue;
        }
        const predecessors = edges
          .filter((e) => e.itemId === item.id)
          .map((e) => ({ ...e.predecessor, status: status.get(e.predecessor.id)! }));
        const check = checkStatusChange({ item, to: input.status, reason: input.reason, predecessors, actorIsManager: isManager });
        if (!check.ok) {
          refusals.set(item.id, check.message);
          continue;
        }
        refusals.delete(item.id);
        accepted.push(item);
        status.set(item.id, input.status);
        progress = true;
      }
    }
    const ids = accepted.map((i) => i.id);
    const keepsReason = input.status === "BLOCKED" || input.status === "NOT_APPLICABLE";
    if (ids.length) {
      await tx.checklistItem.updateMany({
        where: { id: { in: ids } },
        data: {
          status: input.status,
          statusReason: keepsReason ? input.reason!.trim() : null,
          completedAt: input.status === "DONE" ? new Date() : null,
          updatedById: actor.userId,
          version: { increment: 1 },
        },
      });
      ctx.emit({
        type: "items.bulk_updated",
        payload: {
          kind: "status",
          itemIds: ids,
          count: ids.length,
          to: input.status,
          reason: keepsReason ? input.reason : null,
          changes: accepted.map((i) => ({ itemId: i.id, title: i.title, from: i.status })),
        },
      });
      for (const item of accepted) {
        if (item.required && isRegression(item.status as ItemStatus, input.status)) {
          await gateChanged(ctx, { kind: "item_regressed", itemId: item.id, title: item.title });
        }
      }
    }
    const refused = items.filter((i) => refusals.has(i.id)).map((i) => ({ itemId: i.id, title: i.title, message: refusals.get(i.id)! }));
    return { updated: ids, refused };
  });
  return result;
}
