import "server-only";
import type { z } from "zod";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand, type LaunchCtx } from "@/lib/server/command";
import type { createSectionSchema, deleteSectionSchema, renameSectionSchema } from "./checklist.schema";

// Sections are structure: managers only.

async function loadSection(ctx: LaunchCtx, sectionId: string) {
  const section = await ctx.tx.checklistSection.findFirst({
    where: { id: sectionId, launchId: ctx.launch.id },
    select: { id: true, title: true, _count: { select: { items: true } } },
  });
  if (!section) throw new NotFoundError("That section is no longer on this checklist. Reload to see the current list.");
  return section;
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
    await ctx.tx.checklistSection.update({ where: { id: section.id }, data: { title: input.title } });
    ctx.emit({ type: "section.updated", payload: { sectionId: section.id, title: input.title, from: section.title } });
    return { id: section.id };
  });
  return result;
}

/** Deletes the section and its items (the UI asks first and says how many). */
export async function deleteSection(actor: Actor, input: z.output<typeof deleteSectionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const section = await loadSection(ctx, input.sectionId);
    await ctx.tx.checklistSection.delete({ where: { id: section.id } });
    ctx.emit({ type: "section.deleted", payload: { sectionId: section.id, title: section.title, items: section._count.items } });
    return { id: section.id };
  });
  return result;
}
