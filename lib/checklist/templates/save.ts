import "server-only";
import type { z } from "zod";
import { ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runLaunchCommand } from "@/lib/server/command";
import type { saveTemplateSchema } from "../checklist.schema";
import type { TemplateContent } from "./content";

// Save as template: the checklist's shape (sections, items, flags, relative dues, predecessors) and its
// sign-off groups, without owners, statuses, evidence or absolute dates, which belong to this launch.

export async function saveAsTemplate(actor: Actor, input: z.output<typeof saveTemplateSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "template.save", async (ctx) => {
    const { tx, launch } = ctx;
    // One after the other: a transaction is one connection (see assertGraph in lib/runbook/commands.ts).
    const sections = await tx.checklistSection.findMany({
      where: { launchId: launch.id },
      orderBy: { position: "asc" },
      select: {
        title: true,
        items: {
          orderBy: { position: "asc" },
          select: { id: true, title: true, description: true, required: true, requiresEvidence: true, dueOffsetMinutes: true, predecessors: { select: { predecessorId: true } } },
        },
      },
    });
    const groups = await tx.signoffGroup.findMany({ where: { launchId: launch.id }, orderBy: { position: "asc" }, select: { name: true, rule: true, requiredCount: true } });
    if (sections.length === 0) throw new ValidationError("This checklist is empty; add sections and items before saving it as a template.");
    // Short keys (S1-1) keep the stored JSON readable; predecessors are rewritten to them.
    const keyById = new Map(sections.flatMap((s, si) => s.items.map((i, ii) => [i.id, `S${si + 1}-${ii + 1}`] as const)));
    const content: TemplateContent = {
      sections: sections.map((s) => ({
        title: s.title,
        items: s.items.map((i) => ({
          key: keyById.get(i.id)!,
          title: i.title,
          description: i.description,
          required: i.required,
          requiresEvidence: i.requiresEvidence,
          dueOffsetMinutes: i.dueOffsetMinutes,
          predecessors: i.predecessors.map((p) => keyById.get(p.predecessorId)!).filter(Boolean),
        })),
      })),
      signoffGroups: groups.map((g) => ({ name: g.name, rule: g.rule, requiredCount: g.requiredCount })),
    };
    const template = await tx.template.create({
      // Private to this launch's team until an admin publishes it (visibility.ts).
      data: { name: input.name, description: input.description, builtIn: false, createdById: actor.userId, launchId: launch.id, content: content as unknown as Prisma.InputJsonValue },
      select: { id: true, name: true },
    });
    const items = keyById.size;
    ctx.emit({ type: "template.saved", payload: { templateId: template.id, name: template.name, items } });
    return { id: template.id, name: template.name, items };
  });
  return result;
}
