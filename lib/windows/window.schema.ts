// Client-safe input schemas for deployment windows and freezes, shared by forms and actions.
// Times arrive as wall clock ("2026-12-05T02:00", what <input type="datetime-local"> gives) plus an
// IANA zone, and leave as instants; see wallClockToInstant for the DST gap and fall-back rules.

import { z } from "zod";
import { zoneSchema } from "@/lib/time/zone.schema";
import { idSchema, textSchema } from "@/lib/validation/text";
import { parseWallClock, wallClockToInstant } from "./wall-clock";

export { instantToWallClock, wallClockToInstant } from "./wall-clock";

export const MAX_WINDOW_MS = 7 * 86_400_000;

const id = idSchema;

const wallClock = (what: string) =>
  z.string().trim().refine((v) => parseWallClock(v) !== null, `Enter the ${what} as a date and time (YYYY-MM-DDTHH:mm)`);
// Forms send "" for an untouched optional field; it means "not set", not "invalid".
const optionalWallClock = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(wallClock(what).optional());

const timeZone = zoneSchema;

export const scheduleWindowSchema = z
  .object({
    launchId: id,
    environmentId: z.string().trim().min(1, "Choose an environment").max(64, "Invalid environment").regex(/^[A-Za-z0-9_-]*$/, "Invalid environment"),
    start: wallClock("start"),
    end: wallClock("end"),
    timeZone,
    checkpoint: optionalWallClock("go/no-go checkpoint"),
    pointOfNoReturn: optionalWallClock("point of no return"),
    notes: textSchema({ max: 4000, label: "The notes", multiline: true, tooLong: "Keep the notes under 4000 characters" }).default(""),
    status: z.enum(["PROPOSED", "SCHEDULED"], { message: "A new window is either proposed or scheduled" }).default("PROPOSED"),
    freezeOverrideReason: textSchema({ max: 1000, label: "The override reason", multiline: true, tooLong: "Keep the override reason under 1000 characters" })
      .optional()
      .transform((v) => v || undefined),
    // Present when moving an existing window: the version the user last saw.
    version: z.coerce.number<number | string>().int("Invalid version").positive("Invalid version").optional(),
  })
  .transform((v, ctx) => {
    const at = (local: string | undefined) => (local === undefined ? null : wallClockToInstant(local, v.timeZone));
    const startsAt = at(v.start)!;
    const endsAt = at(v.end)!;
    const checkpointAt = at(v.checkpoint);
    const pointOfNoReturnAt = at(v.pointOfNoReturn);
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (endsAt <= startsAt) issue("end", "The window must end after it starts");
    else if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS) {
      issue("end", "A window can last at most 7 days; split longer work into several windows");
    }
    const inside = (d: Date) => d >= startsAt && d <= endsAt;
    if (checkpointAt && !inside(checkpointAt)) {
      issue("checkpoint", "The go/no-go checkpoint must fall between the window's start and end");
    }
    if (pointOfNoReturnAt && !inside(pointOfNoReturnAt)) {
      issue("pointOfNoReturn", "The point of no return must fall between the window's start and end");
    } else if (pointOfNoReturnAt && checkpointAt && pointOfNoReturnAt < checkpointAt) {
      issue("pointOfNoReturn", "The point of no return cannot come before the go/no-go checkpoint");
    }
    return { ...v, startsAt, endsAt, checkpointAt, pointOfNoReturnAt };
  });
export type ScheduleWindowInput = z.input<typeof scheduleWindowSchema>;
/** Parsed input with the wall-clock fields resolved to instants. */
export type ScheduleWindowData = z.output<typeof scheduleWindowSchema>;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const freezeCommon = {
  // Null, absent or "" (the form's "All environments" option): the freeze applies everywhere.
  environmentId: z
    .string()
    .trim()
    .max(64, "Invalid environment")
    .regex(/^[A-Za-z0-9_-]*$/, "Invalid environment")
    .nullish()
    .transform((v) => v || null),
  reason: textSchema({ max: 500, label: "The reason", min: 1, tooShort: "Say why this period is frozen", tooLong: "Keep the reason under 500 characters" }),
  timeZone,
};

const oneOffFreezeSchema = z
  .object({ ...freezeCommon, kind: z.literal("ONE_OFF"), start: wallClock("freeze start"), end: wallClock("freeze end") })
  .transform((v, ctx) => {
    const startsAt = wallClockToInstant(v.start, v.timeZone);
    const endsAt = wallClockToInstant(v.end, v.timeZone);
    if (endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["end"], message: "The freeze must end after it starts" });
    return { ...v, startsAt, endsAt };
  });

const weeklyFreezeSchema = z.object({
  ...freezeCommon,
  kind: z.literal("WEEKLY"),
  weekdays: z
    .array(z.coerce.number<number | string>().int().min(1, "Weekdays run 1 (Monday) to 7 (Sunday)").max(7, "Weekdays run 1 (Monday) to 7 (Sunday)"))
    .min(1, "Pick at least one weekday")
    .max(7, "Pick each weekday at most once")
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  startTime: z.string().trim().regex(HH_MM, "Enter the start time as HH:mm, such as 08:00"),
  // An end at or before the start is deliberate: the freeze runs past midnight (Fri 18:00 -> 06:00).
  endTime: z.string().trim().regex(HH_MM, "Enter the end time as HH:mm, such as 18:00"),
});

export const freezeSchema = z.discriminatedUnion("kind", [oneOffFreezeSchema, weeklyFreezeSchema], {
  error: "Choose whether the freeze is one-off or weekly",
});
export type FreezeInput = z.input<typeof freezeSchema>;
export type FreezeData = z.output<typeof freezeSchema>;
