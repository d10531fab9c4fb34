import { z } from "zod";
import { idSchema, textSchema } from "@/lib/validation/text";
import { DECIMAL } from "./criteria";
import { COMPARATORS, CRITERION_KINDS, INCIDENT_STATES } from "./types";

// Client-safe: the hypercare forms and actions share these.

export const OVERRIDE_MIN = 10;
const version = z.number({ error: "Missing version" }).int().min(1).max(1_000_000);
const decimal = (label: string) =>
  z.string({ error: `${label} must be a number` }).trim().max(20, "Keep it under 20 characters").regex(DECIMAL, `${label} must be a plain number such as 0.5`);
const severity = z.number({ error: "Choose a severity" }).int().min(1, "Severity is 1 to 4").max(4, "Severity is 1 to 4");
const ownerId = z.union([idSchema, z.literal("")]).transform((v) => v || null);
const note = textSchema({ max: 4000, label: "The note", multiline: true });

export const planSchema = z.object({
  launchId: idSchema,
  version,
  plannedEndAt: z.iso.datetime({ offset: true, error: "Choose a planned end" }),
});
export type PlanInput = z.input<typeof planSchema>;

export const addCriterionSchema = z
  .object({
    launchId: idSchema,
    kind: z.enum(CRITERION_KINDS, { message: "Choose a kind of criterion" }),
    title: textSchema({ max: 140, min: 3, label: "The title", tooShort: "Name the criterion (at least 3 characters)" }),
    days: z.number({ error: "Days must be a number" }).int().min(1, "At least 1 day").max(365, "At most 365 days").optional(),
    comparator: z.enum(COMPARATORS).optional(),
    threshold: decimal("The threshold").optional(),
    unit: textSchema({ max: 20, label: "The unit" }).default(""),
    hours: z.number({ error: "Hours must be a number" }).int().min(0, "0 or more hours").max(24 * 90, "At most 2160 hours").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "NO_SEV1" && v.days === undefined) ctx.addIssue({ code: "custom", path: ["days"], message: "How many days without a Sev 1?" });
    if (v.kind === "METRIC" && v.threshold === undefined) ctx.addIssue({ code: "custom", path: ["threshold"], message: "Give the threshold" });
    if (v.kind === "METRIC" && v.comparator === undefined) ctx.addIssue({ code: "custom", path: ["comparator"], message: "Below or above?" });
  });
export type AddCriterionInput = z.input<typeof addCriterionSchema>;

export const removeCriterionSchema = z.object({ launchId: idSchema, criterionId: idSchema });
export type RemoveCriterionInput = z.input<typeof removeCriterionSchema>;

export const recordMetricSchema = z.object({ launchId: idSchema, criterionId: idSchema, version, value: decimal("The value") });
export type RecordMetricInput = z.input<typeof recordMetricSchema>;

export const signCriterionSchema = z.object({ launchId: idSchema, criterionId: idSchema, version, signed: z.boolean() });
export type SignCriterionInput = z.input<typeof signCriterionSchema>;

export const closeHypercareSchema = z.object({
  launchId: idSchema,
  overrideReason: textSchema({ max: 2000, label: "The override reason", multiline: true }).default(""),
});
export type CloseHypercareInput = z.input<typeof closeHypercareSchema>;

export const openIncidentSchema = z.object({
  launchId: idSchema,
  title: textSchema({ max: 140, min: 3, label: "The title", tooShort: "Describe the incident (at least 3 characters)" }),
  severity,
  releaseRelated: z.boolean().default(true),
  rollbackTrigger: z.boolean().default(false),
  ownerId: ownerId.prefault(""),
  note: note.default(""),
});
export type OpenIncidentInput = z.input<typeof openIncidentSchema>;

export const updateIncidentSchema = z.object({
  launchId: idSchema,
  incidentId: idSchema,
  version,
  title: textSchema({ max: 140, min: 3, label: "The title", tooShort: "Describe the incident (at least 3 characters)" }),
  severity,
  state: z.enum(INCIDENT_STATES, { message: "Choose a state" }),
  releaseRelated: z.boolean(),
  rollbackTrigger: z.boolean(),
  ownerId,
  note: note.default(""),
});
export type UpdateIncidentInput = z.input<typeof updateIncidentSchema>;

export const noteIncidentSchema = z.object({
  launchId: idSchema,
  incidentId: idSchema,
  body: textSchema({ max: 4000, min: 1, label: "The note", multiline: true, tooShort: "Write the note" }),
});
export type NoteIncidentInput = z.input<typeof noteIncidentSchema>;
