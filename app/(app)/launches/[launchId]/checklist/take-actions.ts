"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import type { ItemDTO } from "@/lib/checklist/dto";
import { takeItem } from "@/lib/checklist/take-commands";
import { takeItemSchema, type TakeItemInput } from "@/lib/checklist/take.schema";

/** "Take it": assign an unassigned item to yourself. */
export async function takeItemAction(input: TakeItemInput): Promise<ActionResult<ItemDTO>> {
  return runAction("takeItem", takeItemSchema, input, (data, actor) => takeItem(actor, data));
}
