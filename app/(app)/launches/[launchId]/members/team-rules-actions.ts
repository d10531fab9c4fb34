"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { setEngineersTake } from "@/lib/launches/team-rules";
import { setEngineersTakeSchema, type SetEngineersTakeInput } from "@/lib/launches/team-rules.schema";

/** Managers let engineers "Take it" on unassigned checks, or turn it off. */
export async function setEngineersTakeAction(input: SetEngineersTakeInput): Promise<ActionResult<{ engineersTake: boolean }>> {
  return runAction("setEngineersTake", setEngineersTakeSchema, input, (data, actor) => setEngineersTake(actor, data));
}
