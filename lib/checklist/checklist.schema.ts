import { z } from "zod";
import { idSchema } from "@/lib/launches/launch.schema";
import { linkSchema, textSchema } from "@/lib/validation/text";
import { csvTooLarge, FILE_TOO_LARGE } from "./csv-limits";
import { ITEM_STATUSES } from "./types";

// Client-safe zod schemas shared by the checklist's forms and server actions. Key names match the rest of
// the app (itemId, ownerId, evidenceNote…) so one object can describe any checklist resource.

// Limits shared with the CSV import, which validates each row with these same schemas.
export const MAX_EVIDENCE_LINKS = 20;
export const MAX_PREDECESSORS = 50;
export const titleSchema = textSchema({ max: 200, label: "The title", min: 1, tooShort: "Give it a title", tooLong: "Keep the title under 200 characters" });
export const descriptionSchema = textSchema({ max: 4000, label: "The description", multiline: true, tooLong: "Keep the description under 4000 characters" });
export const reasonSchema = textSchema({ max: 1000, label: "The reason", multiline: true, tooLong: "Keep the reason under 1000 characters" });
export const evidenceNoteSchema = textSchema({ max: 4000, label: "The note", multiline: true, tooLong: "Keep the note under 4000 characters" });
export const evidenceLinksSchema = z.array(linkSchema).max(MAX_EVIDENCE_LINKS, `At most ${MAX_EVIDENCE_LINKS} links`);
const title = titleSchema;
const description = descriptionSchema;
const reason = reasonSchema;
const version = z.coerce.number().int().min(1, "Missing version");
const ownerId = idSchema.nullable();
/** "T-2d", an ISO time with offset, or a local "YYYY-MM-DDTHH:mm" read in the launch's zone; "" clears it. */
const due = textSchema({ max: 64, label: "The due date", tooLong: "That due date is too long" });
export const statusSchema = z.enum(ITEM_STATUSES, { message: "Choose a status: TODO, IN_PROGRESS, DONE, BLOCKED or NOT_APPLICABLE" });

export const launchRefSchema = z.object({ launchId: idSchema });
export type LaunchRefInput = z.input<typeof launchRefSchema>;

export const itemRefSchema = z.object({ launchId: idSchema, itemId: idSchema });
export type ItemRefInput = z.input<typeof itemRefSchema>;

export const createSectionSchema = z.object({ launchId: idSchema, title });
export type CreateSectionInput = z.input<typeof createSectionSchema>;

export const renameSectionSchema = z.object({ launchId: idSchema, sectionId: idSchema, version, title });
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
  evidenceNote: evidenceNoteSchema.default(""),
  evidenceLinks: evidenceLinksSchema.default([]),
});
export type EvidenceInput = z.input<typeof evidenceSchema>;

export const assignItemSchema = z.object({ launchId: idSchema, itemId: idSchema, version, ownerId });
export type AssignItemInput = z.input<typeof assignItemSchema>;

export const predecessorsSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  predecessorIds: z.array(idSchema).max(MAX_PREDECESSORS, `At most ${MAX_PREDECESSORS} predecessors`),
});
export type PredecessorsInput = z.input<typeof predecessorsSchema>;

export const moveItemSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  sectionId: idSchema,
  /** Index within the target section after the move. */
  position: z.coerce.number().int().min(0).max(100_000),
});
export type MoveItemInput = z.input<typeof moveItemSchema>;

export const commentSchema = z.object({
  launchId: idSchema,
  itemId: idSchema,
  body: textSchema({ max: 4000, label: "The comment", min: 1, multiline: true, tooShort: "Write a comment first", tooLong: "Keep comments under 4000 characters" }),
});
export type CommentInput = z.input<typeof commentSchema>;

const itemIds = z.array(idSchema).min(1, "Select at least one item").max(1000, "Select at most 1000 items");

export const bulkAssignSchema = z.object({ launchId: idSchema, itemIds, ownerId });
export type BulkAssignInput = z.input<typeof bulkAssignSchema>;

export const bulkStatusSchema = z.object({ launchId: idSchema, itemIds, status: statusSchema, reason: reason.optional() });
export type BulkStatusInput = z.input<typeof bulkStatusSchema>;

export const importCsvSchema = z.object({
  launchId: idSchema,
  csv: z.string({ error: "Choose a CSV file" }).min(1, "Choose a CSV file").refine((v) => !csvTooLarge(v), { message: FILE_TOO_LARGE, abort: true }),
  /** append adds sections and items after the existing ones; replace deletes the checklist first. */
  mode: z.enum(["append", "replace"]).default("append"),
});
export type ImportCsvInput = z.input<typeof importCsvSchema>;

export const saveTemplateSchema = z.object({
  launchId: idSchema,
  name: textSchema({ max: 120, label: "The name", min: 3, tooShort: "Give the template a name of at least 3 characters", tooLong: "Keep the name under 120 characters" }),
  description: description.default(""),
});
export type SaveTemplateInput = z.input<typeof saveTemplateSchema>;
