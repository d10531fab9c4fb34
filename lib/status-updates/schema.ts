import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation/text";

// Client-safe: the post/edit form and the actions share these.

export const IMPACTS = ["NONE", "MINOR", "MAJOR", "CRITICAL"] as const;
export type Impact = (typeof IMPACTS)[number];
export const IMPACT_LABEL: Record<Impact, string> = { NONE: "No impact", MINOR: "Minor", MAJOR: "Major", CRITICAL: "Critical" };

/** Following the launch (scheduled -> in progress -> completed) or an incident (investigating -> resolved). */
export const UPDATE_STATES = ["SCHEDULED", "IN_PROGRESS", "COMPLETED", "INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];
export const STATE_LABEL: Record<UpdateState, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};

export const MAX_COMPONENTS = 10;

const fields = {
  title: textSchema({ max: 140, min: 3, label: "The title", tooShort: "Give the update a title of at least 3 characters" }),
  message: textSchema({ max: 4000, label: "The message", multiline: true }).default(""),
  impact: z.enum(IMPACTS, { message: "Choose an impact: none, minor, major or critical" }),
  state: z.enum(UPDATE_STATES, { message: "Choose a state" }),
  components: z
    .array(textSchema({ max: 60, min: 1, label: "A component" }), { error: "Components must be a list" })
    .max(MAX_COMPONENTS, `At most ${MAX_COMPONENTS} components`)
    .default([]),
};

export const postUpdateSchema = z.object({ launchId: idSchema, ...fields });
export type PostUpdateInput = z.input<typeof postUpdateSchema>;

export const editUpdateSchema = z.object({ launchId: idSchema, updateId: idSchema, version: z.number().int().min(1).max(1_000_000), ...fields });
export type EditUpdateInput = z.input<typeof editUpdateSchema>;

export const deleteUpdateSchema = z.object({ launchId: idSchema, updateId: idSchema });
export type DeleteUpdateInput = z.input<typeof deleteUpdateSchema>;

/** "Checkout API, Mobile app" -> ["Checkout API", "Mobile app"] (the form's one text field). */
export function splitComponents(text: string): string[] {
  return [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
}
