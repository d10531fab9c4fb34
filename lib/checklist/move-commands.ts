import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import type { moveItemSchema } from "./checklist.schema";
import { loadItem } from "./command-helpers";

// Reordering is structure (managers). Positions are rewritten densely (0..n-1) in one statement per
// section touched; the item's version is left alone so a drag never makes someone's tick a conflict.

async function renumber(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  const positions = ids.map((_, i) => i);
  await tx.$executeRaw`
    UPDATE "checklist_item" AS c SET position = v.pos
    FROM unnest(${ids}::text[], ${positions}::int[]) AS v(id, pos)
    WHERE c.id = v.id`;
}

export async function moveItem(actor: Actor, input: z.output<typeof moveItemSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const { tx, launch } = ctx;
    const item = await loadItem(ctx, input.itemId);
    const target = await tx.checklistSection.findFirst({ where: { id: input.sectionId, launchId: launch.id }, select: { id: true, title: true } });
    if (!target) throw new NotFoundError("That section is no longer on this checklist. Reload and try again.");
    const siblings = await tx.checklistItem.findMany({
      where: { sectionId: target.id, id: { not: item.id } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const order = siblings.map((s) => s.id);
    order.splice(Math.min(input.position, order.length), 0, item.id);
    if (target.id !== item.sectionId) {
      await tx.checklistItem.update({ where: { id: item.id }, data: { sectionId: target.id } });
      const left = await tx.checklistItem.findMany({
        where: { sectionId: item.sectionId },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      });
      await renumber(tx, left.map((l) => l.id));
    }
    await renumber(tx, order);
    ctx.emit({
      type: "item.moved",
      payload: { itemId: item.id, title: item.title, fromSectionId: item.sectionId, toSectionId: target.id, section: target.title, position: order.indexOf(item.id) },
    });
    return { id: item.id, sectionId: target.id, position: order.indexOf(item.id) };
  });
  return result;
}
