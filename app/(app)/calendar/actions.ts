"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { noInputSchema } from "@/lib/windows/actions.schema";
import { regenerateFeed, revokeFeed } from "@/lib/windows/feed";

// A user manages only their own feed: the actor comes from the session, never from the input.

/** Returns the new secret token once; the page builds the URL and shows it a single time. */
export async function regenerateCalendarFeedAction(): Promise<ActionResult<{ token: string; createdAt: string }>> {
  return runAction("regenerateFeed", noInputSchema, undefined, async (_data, actor) => {
    const feed = await regenerateFeed(actor);
    revalidatePath("/calendar");
    return feed;
  });
}

export async function revokeCalendarFeedAction(): Promise<ActionResult<{ revoked: number }>> {
  return runAction("revokeFeed", noInputSchema, undefined, async (_data, actor) => {
    const result = await revokeFeed(actor);
    revalidatePath("/calendar");
    return result;
  });
}
