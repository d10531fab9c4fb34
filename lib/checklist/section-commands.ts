import "server-only";
import type { z } from "zod";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand, type LaunchCtx } from "@/lib/server/command";
import { gateChanged } from "@/lib/server/hooks";
import { lastEditorName } from "@/lib/server/last-editor";
import type { createSectionSchema, deleteSectionSchema, renameSectionSchema } from "./checklist.schema";

// Sections are structure: managers only.

async function loadSection(ctx: LaunchCtx, sectionId: string) {
  const section = await ctx.tx.checklistSection.findFirst({
    where: { id: sectionId, launchId: ctx.launch.id },
    select: { id: true, title: true, version: true, _count: { select: { items: true } } },
  });
  if (!section) throw new NotFoundError("That section is no longer on this checklist. Reload to see the current list.");
  return section;
}

export type SectionConflict = { id: string; title: string; version: number; updatedByName: string | null };

async function sectionConflict(ctx: LaunchCtx, sectionId: string): Promise<never> {
  const now = await ctx.tx.checklistSection.findUniqueOrThrow({ where: { id: sectionId }, select: { id: true, title: true, version: true } });
  const updatedByName = await lastEditorName(ctx.tx, ctx.launch.id, "sectionId", sectionId);
  throw new ConflictError<SectionConflict>(
    `${updatedByName ?? "Someone"} renamed this section to “${now.title}” since you opened it. Your title was not saved; check it and try again.`,
    { ...now, updatedByName },
  );
}

export async function createSection(actor: Actor, input: z.output<typeof createSectionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const last = await ctx.tx.checklistSection.aggregate({ where: { launchId: ctx.launch.id }, _max: { position: true } });
    const section = await ctx.tx.checklistSection.create({
      data: { launchId: ctx.launch.id, title: input.title, position: (last._max.position ?? -1) + 1 },
      select: { id: true, title: true, position: true },
    });
    ctx.emit({ type: "section.created", payload: { sectionId: section.id, title: section.title } });
    return section;
  });
  return result;
}

export async function renameSection(actor: Actor, input: z.output<typeof renameSectionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const section = await loadSection(ctx, input.sectionId);
    if (section.version !== input.version) await sectionConflict(ctx, section.id);
    // The version in the where as well: of two renames racing past the check above, one wins.
    const { count } = await ctx.tx.checklistSection.updateMany({
      where: { id: section.id, launchId: ctx.launch.id, version: input.version },
      data: { title: input.title, version: { increment: 1 } },
    });
    if (count === 0) await sectionConflict(ctx, section.id);
    ctx.emit({ type: "section.updated", payload: { sectionId: section.id, title: input.title, from: section.title } });
    return { id: section.id, title: input.title, version: input.version + 1 };
  });
  return result;
}

/** Deletes the section and its items (the UI asks first and says how many). */
export async function deleteSection(actor: Actor, input: z.output<typeof deleteSectionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const section = await loadSection(ctx, input.sectionId);
    const required = await ctx.tx.checklistItem.findMany({ where: { sectionId: section.id, launchId: ctx.launch.id, required: true }, select: { title: true }, take: 2 });
    await ctx.tx.checklistSection.delete({ where: { id: section.id } });
    ctx.emit({ type: "section.deleted", payload: { sectionId: section.id, title: section.title, items: section._count.items } });
    // Deleting required items changes what earlier sign-offs vouched for, as a reopen does.
    if (required.length) {
      const title = required.length > 1 ? `${required[0].title} (and the other required items of “${section.title}”)` : required[0].title;
      await gateChanged(ctx, { kind: "required_item_removed", title });
    }
    return { id: section.id };
  });
  return result;
}
