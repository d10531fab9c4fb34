import { z } from "zod";
import { idSchema } from "@/lib/launches/launch.schema";
import { LAUNCH_STATES } from "./lifecycle";
import { SIGNOFF_RULES } from "./rules";
import { isSafeHttpUrl, linkSchema, textSchema } from "@/lib/validation/text";

// Shared by the sign-off forms and their server actions; the commands re-check what depends on data.

/** The shared link rule (lib/validation/text.ts); kept under this name for the decision command. */
export const isHttpUrl = isSafeHttpUrl;

const groupFields = {
  launchId: idSchema,
  name: textSchema({ max: 60, label: "The group name", min: 1, tooShort: "Name the group, for example QA or Security", tooLong: "Keep the group name under 60 characters" }),
  rule: z.enum(SIGNOFF_RULES, { message: "Choose a rule: any one, all, or N of M" }),
  requiredCount: z.coerce.number().int("Approvals needed must be a whole number").nullish().transform((v) => v ?? null),
  approverIds: z.array(idSchema).max(50, "At most 50 approvers per group").default([]).transform((ids) => [...new Set(ids)]),
};

export const createGroupSchema = z.object(groupFields);
export type CreateGroupInput = z.input<typeof createGroupSchema>;

/** `version`: the group as the user last saw it; an edit made on a stale version is a conflict. */
export const updateGroupSchema = z.object({
  ...groupFields,
  groupId: idSchema,
  version: z.coerce.number().int("Invalid version").min(1, "Missing version"),
});
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;

export const deleteGroupSchema = z.object({ launchId: idSchema, groupId: idSchema });
export type DeleteGroupInput = z.input<typeof deleteGroupSchema>;

export const REJECT_NEEDS_COMMENT = "Say why you reject, so the team knows what to fix";

export const decideSchema = z
  .object({
    launchId: idSchema,
    groupId: idSchema,
    decision: z.enum(["APPROVE", "REJECT"], { message: "Approve or reject" }),
    comment: textSchema({ max: 2000, label: "The comment", multiline: true, tooLong: "Keep the comment under 2000 characters" }).default(""),
    evidenceLinks: z.array(linkSchema).max(10, "At most 10 evidence links").default([]),
  })
  .refine((d) => d.decision !== "REJECT" || d.comment.length > 0, { message: REJECT_NEEDS_COMMENT, path: ["comment"] });
export type DecideInput = z.input<typeof decideSchema>;

export const withdrawSchema = z.object({ launchId: idSchema, decisionId: idSchema });
export type WithdrawInput = z.input<typeof withdrawSchema>;

export const OVERRIDE_MIN = 10;
const optionalText = (max: number) => textSchema({ max, multiline: true, tooLong: `Keep it under ${max} characters` }).default("");

export const goDecisionSchema = z
  .object({
    launchId: idSchema,
    outcome: z.enum(["GO", "NO_GO"], { message: "Choose GO or NO-GO" }),
    notes: optionalText(4000),
    overrideReason: optionalText(2000),
    nextStep: optionalText(2000),
  })
  .refine((d) => d.outcome !== "NO_GO" || d.notes.length > 0, { message: "Give the reasons for NO-GO", path: ["notes"] })
  .refine((d) => d.outcome !== "NO_GO" || d.nextStep.length > 0, { message: "Say what happens next", path: ["nextStep"] });
export type GoDecisionInput = z.input<typeof goDecisionSchema>;

export const transitionSchema = z.object({
  launchId: idSchema,
  to: z.enum(LAUNCH_STATES, { message: "Unknown launch state" }),
  /** The status the user saw; when it has changed since, the move is refused rather than applied blind. */
  from: z.enum(LAUNCH_STATES).optional(),
});
export type TransitionInput = z.input<typeof transitionSchema>;
