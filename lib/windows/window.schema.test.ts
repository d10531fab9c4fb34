import { describe, expect, it } from "vitest";
import { freezeSchema, instantToWallClock, scheduleWindowSchema, wallClockToInstant, type FreezeInput, type ScheduleWindowInput } from "./window.schema";

const base: ScheduleWindowInput = {
  launchId: "launch1",
  environmentId: "prod",
  start: "2026-12-05T02:00",
  end: "2026-12-05T06:00",
  timeZone: "Europe/London",
  notes: "",
  status: "SCHEDULED",
};

function errors(input: unknown, schema: typeof scheduleWindowSchema | typeof freezeSchema = scheduleWindowSchema) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("scheduleWindowSchema", () => {
  it("resolves wall-clock input to instants in the window's zone", () => {
    const data = scheduleWindowSchema.parse({ ...base, start: "2026-07-04T02:00", end: "2026-07-04T06:00", checkpoint: "2026-07-04T02:30", pointOfNoReturn: "2026-07-04T04:00" });
    expect(data.startsAt.toISOString()).toBe("2026-07-04T01:00:00.000Z"); // BST
    expect(data.endsAt.toISOString()).toBe("2026-07-04T05:00:00.000Z");
    expect(data.checkpointAt?.toISOString()).toBe("2026-07-04T01:30:00.000Z");
    expect(data.pointOfNoReturnAt?.toISOString()).toBe("2026-07-04T03:00:00.000Z");
  });

  it("treats blank optional fields from forms as absent and fills defaults", () => {
    const data = scheduleWindowSchema.parse({ ...base, checkpoint: "", pointOfNoReturn: "  ", freezeOverrideReason: " ", notes: undefined, status: undefined });
    expect(data).toMatchObject({ checkpointAt: null, pointOfNoReturnAt: null, freezeOverrideReason: undefined, notes: "", status: "PROPOSED" });
  });

  it("accepts a version from a form field", () => {
    expect(scheduleWindowSchema.parse({ ...base, version: "3" }).version).toBe(3);
    expect(errors({ ...base, version: "0" })).toEqual(["version: Invalid version"]);
  });

  it("measures the window in real time across a DST change", () => {
    // 00:00 to 04:00 local on fall-back night is five real hours.
    const data = scheduleWindowSchema.parse({ ...base, start: "2026-10-25T00:00", end: "2026-10-25T04:00" });
    expect(data.endsAt.getTime() - data.startsAt.getTime()).toBe(5 * 3_600_000);
  });

  it("says what is wrong with malformed fields", () => {
    expect(errors({ ...base, start: "5 Dec 2026", timeZone: "Mars/Base" })).toEqual([
      "start: Enter the start as a date and time (YYYY-MM-DDTHH:mm)",
      "timeZone: Choose a valid IANA time zone, such as Europe/London",
    ]);
    expect(errors({ ...base, environmentId: "" })).toEqual(["environmentId: Choose an environment"]);
    expect(errors({ ...base, status: "IN_PROGRESS" })).toEqual(["status: A new window is either proposed or scheduled"]);
  });

  it("requires the end after the start", () => {
    expect(errors({ ...base, end: "2026-12-05T02:00" })).toEqual(["end: The window must end after it starts"]);
    expect(errors({ ...base, end: "2026-12-04T23:00" })).toEqual(["end: The window must end after it starts"]);
  });

  it("caps the duration at seven days", () => {
    expect(scheduleWindowSchema.safeParse({ ...base, end: "2026-12-12T02:00" }).success).toBe(true);
    expect(errors({ ...base, end: "2026-12-12T02:01" })).toEqual([
      "end: A window can last at most 7 days; split longer work into several windows",
    ]);
  });

  it("keeps the checkpoint and point of no return inside the window, in order", () => {
    expect(errors({ ...base, checkpoint: "2026-12-05T01:59" })).toEqual([
      "checkpoint: The go/no-go checkpoint must fall between the window's start and end",
    ]);
    expect(errors({ ...base, pointOfNoReturn: "2026-12-05T06:01" })).toEqual([
      "pointOfNoReturn: The point of no return must fall between the window's start and end",
    ]);
    expect(errors({ ...base, checkpoint: "2026-12-05T04:00", pointOfNoReturn: "2026-12-05T03:00" })).toEqual([
      "pointOfNoReturn: The point of no return cannot come before the go/no-go checkpoint",
    ]);
    // The bounds themselves are inside.
    expect(scheduleWindowSchema.safeParse({ ...base, checkpoint: base.start, pointOfNoReturn: base.end }).success).toBe(true);
    expect(scheduleWindowSchema.safeParse({ ...base, checkpoint: "2026-12-05T03:00", pointOfNoReturn: "2026-12-05T03:00" }).success).toBe(true);
  });

  it("re-exports the wall-clock conversions for forms", () => {
    expect(instantToWallClock(wallClockToInstant("2026-03-29T02:30", "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-29T03:30");
  });
});

describe("freezeSchema", () => {
  const weekly: FreezeInput = { kind: "WEEKLY", environmentId: "prod", reason: "Business hours", weekdays: [5, 1, "3", 1], startTime: "08:00", endTime: "18:00", timeZone: "Europe/Berlin" };
  const oneOff: FreezeInput = { kind: "ONE_OFF", environmentId: "", reason: "Holidays", start: "2026-12-20T18:00", end: "2027-01-04T08:00", timeZone: "UTC" };

  it("parses a weekly freeze, normalising weekdays", () => {
    expect(freezeSchema.parse(weekly)).toMatchObject({ kind: "WEEKLY", environmentId: "prod", weekdays: [1, 3, 5] });
  });

  it("parses a one-off freeze to instants, blank environment meaning every environment", () => {
    const data = freezeSchema.parse(oneOff);
    expect(data).toMatchObject({ kind: "ONE_OFF", environmentId: null });
    if (data.kind !== "ONE_OFF") throw new Error("expected one-off");
    expect(data.startsAt.toISOString()).toBe("2026-12-20T18:00:00.000Z");
    expect(data.endsAt.toISOString()).toBe("2027-01-04T08:00:00.000Z");
  });

  it("allows a weekly freeze running past midnight", () => {
    expect(freezeSchema.safeParse({ ...weekly, startTime: "18:00", endTime: "06:00" }).success).toBe(true);
  });

  it("requires a reason", () => {
    expect(errors({ ...weekly, reason: "   " }, freezeSchema)).toEqual(["reason: Say why this period is frozen"]);
  });

  it("says what is wrong with weekly fields", () => {
    expect(errors({ ...weekly, weekdays: [] }, freezeSchema)).toEqual(["weekdays: Pick at least one weekday"]);
    expect(errors({ ...weekly, weekdays: [0, 8] }, freezeSchema)).toEqual([
      "weekdays.0: Weekdays run 1 (Monday) to 7 (Sunday)",
      "weekdays.1: Weekdays run 1 (Monday) to 7 (Sunday)",
    ]);
    expect(errors({ ...weekly, startTime: "8:00", endTime: "24:00" }, freezeSchema)).toEqual([
      "startTime: Enter the start time as HH:mm, such as 08:00",
      "endTime: Enter the end time as HH:mm, such as 18:00",
    ]);
  });

  it("requires a one-off freeze to end after it starts", () => {
    expect(errors({ ...oneOff, end: oneOff.start }, freezeSchema)).toEqual(["end: The freeze must end after it starts"]);
  });

  it("asks for a kind", () => {
    expect(errors({ ...weekly, kind: "MONTHLY" }, freezeSchema)).toEqual(["kind: Choose whether the freeze is one-off or weekly"]);
  });
});
