"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { templateInitializer } from "@/lib/checklist/templates/apply";
import { createLaunch } from "@/lib/launches/commands";
import { createLaunchSchema, type CreateLaunchInput } from "@/lib/launches/launch.schema";

export async function createLaunchAction(input: CreateLaunchInput): Promise<ActionResult<{ id: string }>> {
  return runAction("createLaunch", createLaunchSchema, input, async (data, actor) => {
    // A chosen template fills the checklist and sign-off groups in the same transaction.
    const launch = await createLaunch(actor, data, templateInitializer);
    revalidatePath("/");
    return { id: launch.id };
  });
}
