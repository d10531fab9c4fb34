import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import type { commentSchema } from "./checklist.schema";
import { loadItem } from "./command-helpers";

// Anyone who works on or approves the launch may discuss an item; viewers only read.

export async function addComment(actor: Actor, input: z.output<typeof commentSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "item.comment", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    const comment = await ctx.tx.itemComment.create({
      data: { itemId: item.id, authorId: actor.userId, body: input.body },
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    });
    ctx.emit({ type: "item.commented", payload: { itemId: item.id, title: item.title, commentId: comment.id } });
    return { id: comment.id, authorName: comment.author.name, body: comment.body, at: comment.createdAt.toISOString() };
  });
  return result;
}
