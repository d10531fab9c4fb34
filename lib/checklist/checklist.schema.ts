import { z } from "zod";
import { idSchema } from "@/lib/launches/launch.schema";
import { ITEM_STATUSES } from "./types";

// Client-safe zod schemas shared by the checklist's forms and server actions. Key names match the rest of
// the app (itemId, ownerId, evidenceNote…) so one object can describe any checklist resource.

const title = z.string().trim().min(1, "Give it a title").max(200, "Keep the title under 200 characters");
const description = z.string().trim().max(4000, "Keep the description under 4000 characters");
const reason = z.string().trim().max(1000, "Keep the reason under 1000 characters");
const version = z.coerce.number().int().min(1, "Missing version");
const ownerId = idSchema.nullable();
/** "T-2d", an ISO time with offset, or a local "YYYY-MM-DDTHH:mm" read in the launch's zone; "" clears it. */
const due = z.string().trim().max(64, "That due date is too long");
const link = z.string().trim().url("Evidence links must be full URLs, starting with https://").max(2000, "That link is too long");
export const statusSchema = z.enum(ITEM_STATUSES, { message: "Choose a status: TODO, IN_PROGRESS, DONE, BLOCKED or NOT_APPLICABLE" });

export const launchRefSchema = z.object({ launchId: idSchema });
export type LaunchRefInput = z.input<typeof launchRefSchema>;

export const itemRefSchema = z.object({ launchId: idSchema, itemId: idSchema });
export type ItemRefInput = z.input<typeof itemRefSchema>;

export const createSectionSchema = z.object({ launchId: idSchema, title });
export type CreateSectionInput = z.input<typeof createSectionSchema>;

export const renameSectionSchema = z.object({ launchId: idSchema, sectionId: idSchema, title });
export type RenameSectionInput = z.input<typeof renameSectionSchema>;

export const deleteSectionSchema = z.object({ launchId: idSchema, sectionId: idSchema });
export type DeleteSectionInput = z.input<typeof deleteSectionSchema>;

export const createItemSchema = z.object({
  launchId: idSchema,
  sectionId: idSchema,
  title,
  description: description.default(""),
  ownerId: ownerId.optional(),
  due: due.optional(),
  required: z.boolean().default(true),
  requiresEvidence: z.boolean().default(false),
});
export type CreateItemInput = z.input<typeof createItemSchema>;

export const editItemSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  version,
  title: title.optional(),
  description: description.optional(),
  due: due.optional(),
  required: z.boolean().optional(),
  requiresEvidence: z.boolean().optional(),
});
export type EditItemInput = z.input<typeof editItemSchema>;

export const changeStatusSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  version,
  status: statusSchema,
  reason: reason.optional(),
});
export type ChangeStatusInput = z.input<typeof changeStatusSchema>;

export const evidenceSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  version,
  evidenceNote: z.string().trim().max(4000, "Keep the note under 4000 characters").default(""),
  evidenceLinks: z.array(link).max(20, "At most 20 links").default([]),
});
export type EvidenceInput = z.input<typeof evidenceSchema>;

export const assignItemSchema = z.object({ launchId: idSchema, itemId: idSchema, version, ownerId });
export type AssignItemInput = z.input<typeof assignItemSchema>;

export const predecessorsSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  predecessorIds: z.array(idSchema).max(50, "At most 50 predecessors"),
});
export type PredecessorsInput = z.input<typeof predecessorsSchema>;

export const moveItemSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  sectionId: idSchema,
  /** Index within the target section after the move. */
  position: z.coerce.number().int().min(0),
});
export type MoveItemInput = z.input<typeof moveItemSchema>;

export const commentSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  body: z.string().trim().min(1, "Write a comment first").max(4000, "Keep comments under 4000 characters"),
});
export type CommentInput = z.input<typeof commentSchema>;

const itemIds = z.array(idSchema).min(1, "Select at least one item").max(1000, "Select at most 1000 items");

export const bulkAssignSchema = z.object({ launchId: idSchema, itemIds, ownerId });
export type BulkAssignInput = z.input<typeof bulkAssignSchema>;

export const bulkStatusSchema = z.object({ launchId: idSchema, itemIds, status: statusSchema, reason: reason.optional() });
export type BulkStatusInput = z.input<typeof bulkStatusSchema>;

export const importCsvSchema = z.object({
  launchId: idSchema,
  csv: z.string().min(1, "Choose a CSV file").max(2_000_000, "The file is larger than 2 MB"),
  /** append adds sections and items after the existing ones; replace deletes the checklist first. */
  mode: z.enum(["append", "replace"]).default("append"),
});
export type ImportCsvInput = z.input<typeof importCsvSchema>;

export const saveTemplateSchema = z.object({
  launchId: idSchema,
  name: z.string().trim().min(3, "Give the template a name of at least 3 characters").max(120, "Keep the name under 120 characters"),
  description: description.default(""),
});
export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;
