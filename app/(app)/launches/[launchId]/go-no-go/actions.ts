"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { recordGoDecision, transitionLaunch } from "@/lib/signoff/commands";
import { goDecisionSchema, transitionSchema, type GoDecisionInput, type TransitionInput } from "@/lib/signoff/signoff.schema";

export async function recordGoDecisionAction(
  input: GoDecisionInput,
): Promise<ActionResult<{ id: string; status: string; overridden: boolean }>> {
  return runAction("recordGoDecision", goDecisionSchema, input, async (data, actor) => {
    const result = await recordGoDecision(actor, data);
    revalidatePath(`/launches/${data.launchId}`, "layout");
    return result;
  });
}

export async function transitionLaunchAction(input: TransitionInput): Promise<ActionResult<{ status: string }>> {
  return runAction("transitionLaunch", transitionSchema, input, async (data, actor) => {
    const result = await transitionLaunch(actor, data);
    revalidatePath(`/launches/${data.launchId}`, "layout");
    return result;
  });
}
