import "server-only";
import type { z } from "zod";
import { ConflictError, ForbiddenError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { loadItem, respond, writeVersioned } from "./command-helpers";
import { readItemDTO } from "./item-dto";
import { canTake } from "./take";
import type { takeItemSchema } from "./take.schema";

/**
 * Assigns an unassigned item to the actor (lib/checklist/take.ts has the rule, and the launch's
 * engineersTake setting switches it off for engineers). Authorized as an item update, so approvers and
 * viewers are refused and a closed launch stays read-only. Version-checked.
 */
export async function takeItem(actor: Actor, input: z.output<typeof takeItemSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "item.update.own", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    if (item.ownerId !== null) {
      if (item.ownerId === actor.userId) return respond(ctx, item.id);
      const current = await readItemDTO(ctx.tx, ctx.launch.id, item.id);
      const owner = await ctx.tx.user.findUnique({ where: { id: item.ownerId }, select: { name: true } });
      throw new ConflictError(`${owner?.name ?? "Someone"} already owns “${item.title}”.`, current);
    }
    // FOR SHARE: a manager turning "Take it" off concurrently waits for this take, or this take sees it off.
    const [setting] = await ctx.tx.$queryRaw<{ engineersTake: boolean }[]>`SELECT engineers_take AS "engineersTake" FROM "launch" WHERE id = ${ctx.launch.id} FOR SHARE`;
    const engineersTake = setting?.engineersTake ?? false;
    if (!canTake(ctx.access.role, item.ownerId, engineersTake)) {
      throw new ForbiddenError(
        ctx.access.role === "ENGINEER"
          ? `A manager turned off “Take it” on this launch: ask a manager to assign “${item.title}” to you.`
          : `You can’t take “${item.title}”: only engineers and managers take checks.`,
      );
    }
    await writeVersioned(ctx, item, input.version, { ownerId: actor.userId });
    const me = await ctx.tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    ctx.emit({
      type: "item.assigned",
      payload: { itemId: item.id, title: item.title, ownerId: actor.userId, ownerName: me?.name ?? null, taken: true },
    });
    return respond(ctx, item.id);
  });
  return result;
}
