"use server";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { bulkAssign, bulkChangeStatus } from "@/lib/checklist/bulk-commands";
import {
  assignItemSchema,
  bulkAssignSchema,
  bulkStatusSchema,
  changeStatusSchema,
  commentSchema,
  evidenceSchema,
  type AssignItemInput,
  type BulkAssignInput,
  type BulkStatusInput,
  type ChangeStatusInput,
  type CommentInput,
  type EvidenceInput,
} from "@/lib/checklist/checklist.schema";
import { addComment } from "@/lib/checklist/comment-commands";
import type { BulkResult, CommentDTO, ItemDTO } from "@/lib/checklist/dto";
import { assignItem } from "@/lib/checklist/item-commands";
import { changeItemStatus, updateEvidence } from "@/lib/checklist/status-commands";

// Day-to-day checklist actions. The checklist is client-cached (TanStack Query), so these return the
// changed item rather than revalidating the page; structure changes live in structure-actions.ts.

export async function changeItemStatusAction(input: ChangeStatusInput): Promise<ActionResult<ItemDTO>> {
  return runAction("changeItemStatus", changeStatusSchema, input, (data, actor) => changeItemStatus(actor, data));
}

export async function updateEvidenceAction(input: EvidenceInput): Promise<ActionResult<ItemDTO>> {
  return runAction("updateEvidence", evidenceSchema, input, (data, actor) => updateEvidence(actor, data));
}

export async function assignItemAction(input: AssignItemInput): Promise<ActionResult<ItemDTO>> {
  return runAction("assignItem", assignItemSchema, input, (data, actor) => assignItem(actor, data));
}

export async function addCommentAction(input: CommentInput): Promise<ActionResult<CommentDTO>> {
  return runAction("addComment", commentSchema, input, (data, actor) => addComment(actor, data));
}

export async function bulkAssignAction(input: BulkAssignInput): Promise<ActionResult<BulkResult>> {
  return runAction("bulkAssign", bulkAssignSchema, input, (data, actor) => bulkAssign(actor, data));
}

export async function bulkStatusAction(input: BulkStatusInput): Promise<ActionResult<BulkResult>> {
  return runAction("bulkStatus", bulkStatusSchema, input, (data, actor) => bulkChangeStatus(actor, data));
}
