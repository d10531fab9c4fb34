// Client-safe schemas for the window, freeze, environment and feed actions that window.schema.ts
// does not cover. Shared by forms and actions, like every *.schema.ts.

import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation/text";
import { scheduleWindowSchema } from "./window.schema";

const id = idSchema;
const version = z.coerce.number<number | string>().int("Invalid version").positive("Invalid version");
const optionalText = (max: number, what: string) =>
  textSchema({ max, label: `The ${what}`, multiline: true, tooLong: `Keep the ${what} under ${max} characters` })
    .optional()
    .transform((v) => v || undefined);

/** Moving a window: the new times plus the version the user last saw (a stale one is a conflict). */
export const moveWindowSchema = z.intersection(z.object({ windowId: id, version }), scheduleWindowSchema);
export type MoveWindowInput = z.input<typeof moveWindowSchema>;
export type MoveWindowData = z.output<typeof moveWindowSchema>;

const windowRef = { launchId: id, windowId: id, version };

export const transitionWindowSchema = z.object({
  ...windowRef,
  // CANCELLED is handed to the cancel command (its own event); every other step is a status change.
  to: z.enum(["PROPOSED", "SCHEDULED", "IN_PROGRESS", "COMPLETED", "ROLLED_BACK", "CANCELLED"], { message: "Choose the window's next status" }),
  freezeOverrideReason: optionalText(1000, "override reason"),
});
export type TransitionWindowInput = z.input<typeof transitionWindowSchema>;

export const cancelWindowSchema = z.object({ ...windowRef, reason: optionalText(1000, "reason") });
export type CancelWindowInput = z.input<typeof cancelWindowSchema>;

export const createEnvironmentSchema = z.object({
  name: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "Name the environment, such as production-eu")
    .max(40, "Keep the name under 40 characters")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, such as production-eu"),
  description: textSchema({ max: 200, label: "The description", tooLong: "Keep the description under 200 characters" }).default(""),
});
export type CreateEnvironmentInput = z.input<typeof createEnvironmentSchema>;

export const deleteFreezeSchema = z.object({ freezeId: id });
export type DeleteFreezeInput = z.input<typeof deleteFreezeSchema>;

export const noInputSchema = z.object({}).default({});
