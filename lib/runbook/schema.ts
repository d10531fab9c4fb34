// Client-safe zod schemas of the runbook's forms, server actions, templates and CSV rows (one set of
// bounds everywhere). Limits are far beyond a real cutover and keep one request from tying up the server.
import { z } from "zod";
import { idSchema, linkSchema, textSchema } from "@/lib/validation/text";
import { ROLLBACK_DECISIONS, TASK_TYPES } from "./dto";

export const RUNBOOK_MAX_TASKS = 1000;
export const RUNBOOK_MAX_DEPENDENCIES = 3000;
export const RUNBOOK_MAX_STREAMS = 50;
export const MAX_TASK_LINKS = 20;
export const MAX_TASK_ASSIGNEES = 20;
/** A task or lag in a cutover window lasts at most a week (the core's bound, lib/runbook/graph.ts). */
export const MAX_TASK_MINUTES = 7 * 24 * 60;

export const streamNameSchema = textSchema({ max: 80, label: "The stream name", min: 1, tooShort: "Name the stream", tooLong: "Keep the stream name under 80 characters" });
export const taskTitleSchema = textSchema({ max: 200, label: "The title", min: 1, tooShort: "Give the task a title", tooLong: "Keep the title under 200 characters" });
export const taskNotesSchema = textSchema({ max: 4000, label: "The notes", multiline: true, tooLong: "Keep the notes under 4000 characters" });
export const reasonSchema = textSchema({ max: 1000, label: "The reason", min: 1, multiline: true, tooShort: "Give a reason", tooLong: "Keep the reason under 1000 characters" });
export const messageSchema = textSchema({ max: 1000, label: "The message", multiline: true, tooLong: "Keep the message under 1000 characters" });
export const durationSchema = z.coerce
  .number({ message: "Duration must be a number of minutes" })
  .int("Duration is in whole minutes")
  .min(0, "Duration cannot be negative")
  .max(MAX_TASK_MINUTES, `At most ${MAX_TASK_MINUTES} minutes (a week)`);
export const lagSchema = z.coerce
  .number({ message: "Lag must be a number of minutes" })
  .int("Lag is in whole minutes")
  .min(-MAX_TASK_MINUTES, `At least −${MAX_TASK_MINUTES} minutes`)
  .max(MAX_TASK_MINUTES, `At most ${MAX_TASK_MINUTES} minutes (a week)`);
export const minutesSettingSchema = z.coerce.number({ message: "Enter minutes" }).int("Whole minutes").min(0, "Cannot be negative").max(MAX_TASK_MINUTES, `At most ${MAX_TASK_MINUTES} minutes`);
/** An ISO instant with its offset ("2026-12-05T22:00:00Z", "2026-12-05T23:00:00+01:00"). */
export const instantSchema = z
  .string({ message: "Give a time" })
  .trim()
  .max(40, "That time is too long")
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), "Give a full time with its offset, such as 2026-12-05T22:00:00Z");
export const taskTypeSchema = z.enum(TASK_TYPES, { message: `Choose a type: ${TASK_TYPES.join(", ")}` });
export const depTypeSchema = z.enum(["FS", "SS"], { message: "Choose FS (finish-to-start) or SS (start-to-start)" });
export const linksSchema = z.array(linkSchema).max(MAX_TASK_LINKS, `At most ${MAX_TASK_LINKS} links`);
/** A client operation id: made once per tap (crypto.randomUUID()), reused when the tap is retried. */
export const opIdSchema = z.string({ message: "Missing operation id" }).trim().min(8, "Invalid operation id").max(64, "Invalid operation id").regex(/^[A-Za-z0-9_-]+$/, "Invalid operation id");
const version = z.coerce.number().int().min(1, "Missing version");

export const runbookRefSchema = z.object({ launchId: idSchema });
/** "blank": an empty runbook (then add streams and tasks, or import a CSV). */
export const createRunbookSchema = z.object({ launchId: idSchema, templateKey: z.enum(["blank", "web-platform-cutover", "database-migration"], { message: "Choose a template, or blank" }) });
export const runbookSettingsSchema = z.object({ launchId: idSchema, version, rollbackMin: minutesSettingSchema, bufferMin: minutesSettingSchema });
export const runbookRequiredSchema = z.object({ launchId: idSchema, required: z.boolean() });

export const addStreamSchema = z.object({ launchId: idSchema, name: streamNameSchema });
export const renameStreamSchema = z.object({ launchId: idSchema, streamId: idSchema, version, name: streamNameSchema });
export const deleteStreamSchema = z.object({ launchId: idSchema, streamId: idSchema });

export const taskFieldsSchema = z.object({
  streamId: idSchema,
  title: taskTitleSchema,
  type: taskTypeSchema.default("NORMAL"),
  durationMin: durationSchema,
  fixedStart: instantSchema.nullable().default(null),
  critical: z.boolean().default(false),
  notes: taskNotesSchema.default(""),
  links: linksSchema.default([]),
  assigneeIds: z.array(idSchema).max(MAX_TASK_ASSIGNEES, `At most ${MAX_TASK_ASSIGNEES} assignees`).default([]),
});
export const addTaskSchema = taskFieldsSchema.extend({ launchId: idSchema });
export const updateTaskSchema = taskFieldsSchema.extend({ launchId: idSchema, taskId: idSchema, version });
export const deleteTaskSchema = z.object({ launchId: idSchema, taskId: idSchema });

export const addDependencySchema = z.object({ launchId: idSchema, fromId: idSchema, toId: idSchema, type: depTypeSchema.default("FS"), lagMin: lagSchema.default(0) });
export const updateDependencySchema = z.object({ launchId: idSchema, dependencyId: idSchema, type: depTypeSchema, lagMin: lagSchema });
export const deleteDependencySchema = z.object({ launchId: idSchema, dependencyId: idSchema });

/** 2 MB like the checklist import. */
export const importCsvSchema = z.object({ launchId: idSchema, csv: z.string({ message: "Choose a CSV file" }).max(2 * 1024 * 1024, "File too large (max 2 MB)") });

const execBase = { launchId: idSchema, runId: idSchema, taskId: idSchema, opId: opIdSchema };
export const startTaskSchema = z.object({ ...execBase, overrideReason: reasonSchema.optional() });
export const finishTaskSchema = z.object(execBase);
export const skipTaskSchema = z.object({ ...execBase, reason: reasonSchema });
export const failTaskSchema = z.object({ ...execBase, reason: reasonSchema });
export const reopenTaskSchema = z.object({ ...execBase, reason: reasonSchema });

export const pauseSchema = z.object({ launchId: idSchema, opId: opIdSchema, message: messageSchema.pipe(z.string().min(1, "Say why the runbook is paused")) });
export const resumeSchema = z.object({ launchId: idSchema, opId: opIdSchema, message: messageSchema.default("") });
export const startRehearsalSchema = z.object({ launchId: idSchema, opId: opIdSchema, startAt: instantSchema.optional() });
export const endRehearsalSchema = z.object({ launchId: idSchema, runId: idSchema, opId: opIdSchema, rollbackMeasuredMin: minutesSettingSchema.optional() });
export const adoptDurationsSchema = z.object({ launchId: idSchema, runId: idSchema, opId: opIdSchema });

export const forecastSnapshotSchema = z.object({
  forecastEnd: instantSchema.nullable(),
  slackMin: z.number().finite().min(-1e7).max(1e7).nullable(),
  pointOfNoReturn: instantSchema.nullable(),
  rollbackFits: z.boolean().nullable(),
  lateTasks: z.number().int().min(0).max(RUNBOOK_MAX_TASKS),
});
export const rollbackDecisionSchema = z.object({
  launchId: idSchema,
  opId: opIdSchema,
  trigger: textSchema({ max: 1000, label: "The trigger", min: 1, multiline: true, tooShort: "Say what triggered the decision" }),
  evidence: textSchema({ max: 4000, label: "The evidence", multiline: true }).default(""),
  links: linksSchema.default([]),
  decision: z.enum(ROLLBACK_DECISIONS, { message: "Choose continue, roll back, fix forward or hold" }),
  approvedById: idSchema.nullable().default(null),
  forecast: forecastSnapshotSchema,
});

export type AddTaskInput = z.input<typeof addTaskSchema>;
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;
