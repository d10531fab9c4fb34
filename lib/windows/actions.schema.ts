// Client-safe schemas for the window, freeze, environment and feed actions that window.schema.ts
// does not cover. Shared by forms and actions, like every *.schema.ts.

import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation/text";
import { freezeSchema, scheduleWindowSchema } from "./window.schema";

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

const environmentFields = {
  name: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "Name the environment, such as production-eu")
    .max(40, "Keep the name under 40 characters")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, such as production-eu"),
  description: textSchema({ max: 200, label: "The description", tooLong: "Keep the description under 200 characters" }).default(""),
};
export const createEnvironmentSchema = z.object(environmentFields);
export type CreateEnvironmentInput = z.input<typeof createEnvironmentSchema>;

/** Renaming or redescribing an environment, against the version the admin last saw. */
export const updateEnvironmentSchema = z.object({ environmentId: id, version, ...environmentFields });
export type UpdateEnvironmentInput = z.input<typeof updateEnvironmentSchema>;

/** Editing a freeze: the same fields and rules as creating one, plus the version the admin last saw. */
export const updateFreezeSchema = z.intersection(z.object({ freezeId: id, version }), freezeSchema);
export type UpdateFreezeInput = z.input<typeof updateFreezeSchema>;
export type UpdateFreezeData = z.output<typeof updateFreezeSchema>;

/** What the freeze form is prefilled with when editing: the stored rule as the admin typed it. */
export type FreezeFormValues = {
  freezeId: string;
  version: number;
  kind: "ONE_OFF" | "WEEKLY";
  reason: string;
  /** "" for every environment. */
  environmentId: string;
  timeZone: string;
  /** ONE_OFF: "YYYY-MM-DD HH:mm" on the freeze zone's wall clock; "" for a weekly freeze. */
  start: string;
  end: string;
  /** WEEKLY: ISO weekdays, 1 = Monday; empty for a one-off freeze. */
  weekdays: number[];
  startTime: string;
  endTime: string;
};

export const deleteFreezeSchema = z.object({ freezeId: id });
export type DeleteFreezeInput = z.input<typeof deleteFreezeSchema>;

export const noInputSchema = z.object({}).default({});
