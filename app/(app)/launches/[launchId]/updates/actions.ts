"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { deleteStatusUpdate, editStatusUpdate, postStatusUpdate } from "@/lib/status-updates/commands";
import type { StatusUpdateDTO } from "@/lib/status-updates/dto";
import {
  deleteUpdateSchema,
  editUpdateSchema,
  postUpdateSchema,
  type DeleteUpdateInput,
  type EditUpdateInput,
  type PostUpdateInput,
} from "@/lib/status-updates/schema";

// Managers only ("launch.edit", checked inside each command). The timeline updates through the live
// stream (status_update.* events patch the statusUpdates part), so nothing is revalidated here.

export async function postStatusUpdateAction(input: PostUpdateInput): Promise<ActionResult<StatusUpdateDTO>> {
  return runAction("postStatusUpdate", postUpdateSchema, input, (data, actor) => postStatusUpdate(actor, data));
}

export async function editStatusUpdateAction(input: EditUpdateInput): Promise<ActionResult<StatusUpdateDTO>> {
  return runAction("editStatusUpdate", editUpdateSchema, input, (data, actor) => editStatusUpdate(actor, data));
}

export async function deleteStatusUpdateAction(input: DeleteUpdateInput): Promise<ActionResult<{ id: string }>> {
  return runAction("deleteStatusUpdate", deleteUpdateSchema, input, (data, actor) => deleteStatusUpdate(actor, data));
}
