import "server-only";
import type { z } from "zod";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { gateChanged } from "@/lib/server/hooks";
import type { assignItemSchema, createItemSchema, editItemSchema, itemRefSchema } from "./checklist.schema";
import { checkOwner, loadItem, nextPosition, parseDueInput, respond, writeVersioned } from "./command-helpers";
import { isResolved, type ItemStatus } from "./types";

// Structure of single items: add, edit, delete (managers) and assign (managers).

export async function createItem(actor: Actor, input: z.output<typeof createItemSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const { tx, launch } = ctx;
    const section = await tx.checklistSection.findFirst({ where: { id: input.sectionId, launchId: launch.id }, select: { id: true } });
    if (!section) throw new NotFoundError("That section is no longer on this checklist. Reload and try again.");
    await checkOwner(tx, launch.id, input.ownerId);
    const due = parseDueInput(input.due, launch.timeZone);
    const item = await tx.checklistItem.create({
      data: {
        launchId: launch.id,
        sectionId: section.id,
        position: await nextPosition(tx, section.id),
        title: input.title,
        description: input.description,
        ownerId: input.ownerId ?? null,
        ...due,
        required: input.required,
        requiresEvidence: input.requiresEvidence,
        updatedById: actor.userId,
      },
      select: { id: true },
    });
    ctx.emit({ type: "item.created", payload: { itemId: item.id, title: input.title, sectionId: section.id, required: input.required } });
    // A new open gate makes earlier sign-offs describe a different launch.
    if (input.required) await gateChanged(ctx, { kind: "required_item_added", itemId: item.id, title: input.title });
    return respond(ctx, item.id);
  });
  return result;
}

export async function editItem(actor: Actor, input: z.output<typeof editItemSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    const due = parseDueInput(input.due, ctx.launch.timeZone);
    const data = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.required !== undefined && { required: input.required }),
      ...(input.requiresEvidence !== undefined && { requiresEvidence: input.requiresEvidence }),
      ...due,
    };
    await writeVersioned(ctx, item, input.version, data);
    const title = input.title ?? item.title;
    ctx.emit({ type: "item.updated", payload: { itemId: item.id, title, fields: Object.keys(data) } });
    if (input.required && !item.required && !isResolved(item.status as ItemStatus)) {
      await gateChanged(ctx, { kind: "required_item_added", itemId: item.id, title });
    }
    // Sign-offs vouched for the checklist with this item required.
    if (input.required === false && item.required) await gateChanged(ctx, { kind: "item_made_optional", itemId: item.id, title });
    return respond(ctx, item.id);
  });
  return result;
}

export async function deleteItem(actor: Actor, input: z.output<typeof itemRefSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    await ctx.tx.checklistItem.delete({ where: { id: item.id } });
    ctx.emit({ type: "item.deleted", payload: { itemId: item.id, title: item.title } });
    if (item.required) await gateChanged(ctx, { kind: "required_item_removed", title: item.title });
    return { id: item.id };
  });
  return result;
}

export async function assignItem(actor: Actor, input: z.output<typeof assignItemSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.assign", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    const owner = await checkOwner(ctx.tx, ctx.launch.id, input.ownerId);
    await writeVersioned(ctx, item, input.version, { ownerId: input.ownerId });
    ctx.emit({
      type: "item.assigned",
      payload: { itemId: item.id, title: item.title, ownerId: input.ownerId, ownerName: owner?.name ?? null },
    });
    return respond(ctx, item.id);
  });
  return result;
}
