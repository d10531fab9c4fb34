"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { createLaunch } from "@/lib/launches/commands";
import { createLaunchSchema, type CreateLaunchInput } from "@/lib/launches/launch.schema";

export async function createLaunchAction(input: CreateLaunchInput): Promise<ActionResult<{ id: string }>> {
  return runAction("createLaunch", createLaunchSchema, input, async (data, actor) => {
    const launch = await createLaunch(actor, data);
    revalidatePath("/");
    return { id: launch.id };
  });
}
