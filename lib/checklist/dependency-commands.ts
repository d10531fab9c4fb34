import "server-only";
import type { z } from "zod";
import { ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import type { predecessorsSchema } from "./checklist.schema";
import { loadItem, respond } from "./command-helpers";
import { checkNewEdges, describeCycle } from "./dag";

// Predecessors are structure (managers). The new set is checked against every edge of the launch, read
// in the transaction, so two managers linking in opposite directions at once cannot sneak a cycle in
// past each other: the launch row lock below serialises dependency edits per launch.

export async function setPredecessors(actor: Actor, input: z.output<typeof predecessorsSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "checklist.structure", async (ctx) => {
    const { tx, launch } = ctx;
    await tx.$queryRaw`SELECT id FROM "launch" WHERE id = ${launch.id} FOR UPDATE`;
    const item = await loadItem(ctx, input.itemId);
    const wanted = [...new Set(input.predecessorIds)];
    const titles = await tx.checklistItem.findMany({ where: { launchId: launch.id }, select: { id: true, title: true } });
    const titleById = new Map(titles.map((t) => [t.id, t.title]));
    const unknown = wanted.filter((id) => !titleById.has(id));
    if (unknown.length) {
      throw new ValidationError("A predecessor is not on this checklist any more. Reload and choose again.", { predecessorIds: ["Unknown item"] });
    }
    const edges = await tx.itemDependency.findMany({ where: { item: { launchId: launch.id } }, select: { itemId: true, predecessorId: true } });
    const others = edges.filter((e) => e.itemId !== item.id);
    const added = wanted.map((predecessorId) => ({ itemId: item.id, predecessorId }));
    const cycle = checkNewEdges(others, added);
    if (cycle) {
      const message = `That would make a cycle, so none of these could ever finish: ${describeCycle(cycle, titleById)}.`;
      throw new ValidationError(message, { predecessorIds: [message] });
    }
    await tx.itemDependency.deleteMany({ where: { itemId: item.id } });
    if (added.length) await tx.itemDependency.createMany({ data: added });
    await tx.checklistItem.update({ where: { id: item.id }, data: { version: { increment: 1 }, updatedById: actor.userId } });
    ctx.emit({
      type: "item.updated",
      payload: { itemId: item.id, title: item.title, fields: ["predecessors"], predecessors: wanted.map((id) => titleById.get(id)) },
    });
    return respond(ctx, item.id);
  });
  return result;
}
