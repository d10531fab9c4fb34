import { describe, expect, it } from "vitest";
import { describeFreeze, describeWeekdays, expandFreeze, freezeFromRow, freezesHitting, type Freeze, type WeeklyFreeze } from "./freeze";
import { instantToWallClock } from "./wall-clock";

const d = (iso: string) => new Date(iso);
const H = 3_600_000;
const weekly = (over: Partial<WeeklyFreeze> = {}): WeeklyFreeze => ({
  id: "f1",
  environmentId: null,
  reason: "Business hours",
  kind: "WEEKLY",
  weekdays: [1, 2, 3, 4, 5],
  startTime: "08:00",
  endTime: "18:00",
  timeZone: "Europe/Berlin",
  ...over,
});
const iso = (occurrences: { start: Date; end: Date }[]) => occurrences.map((o) => [o.start.toISOString(), o.end.toISOString()]);
const local = (occurrences: { start: Date; end: Date }[], zone: string) =>
  occurrences.map((o) => [instantToWallClock(o.start, zone), instantToWallClock(o.end, zone)]);

describe("expandFreeze: weekly, across DST", () => {
  it("keeps Mon–Fri 08:00–18:00 Berlin on the wall clock as the offset changes in spring", () => {
    const occ = expandFreeze(weekly(), d("2026-03-27T00:00Z"), d("2026-03-31T00:00Z"));
    expect(iso(occ)).toEqual([
      ["2026-03-27T07:00:00.000Z", "2026-03-27T17:00:00.000Z"], // Fri, CET (+1)
      ["2026-03-30T06:00:00.000Z", "2026-03-30T16:00:00.000Z"], // Mon, CEST (+2)
    ]);
    expect(local(occ, "Europe/Berlin")).toEqual([
      ["2026-03-27T08:00", "2026-03-27T18:00"],
      ["2026-03-30T08:00", "2026-03-30T18:00"],
    ]);
  });

  it("and in autumn", () => {
    const occ = expandFreeze(weekly(), d("2026-10-23T00:00Z"), d("2026-10-27T00:00Z"));
    expect(iso(occ)).toEqual([
      ["2026-10-23T06:00:00.000Z", "2026-10-23T16:00:00.000Z"], // Fri, CEST
      ["2026-10-26T07:00:00.000Z", "2026-10-26T17:00:00.000Z"], // Mon, CET
    ]);
  });

  // Every day at 08:00–18:00 from three days before to three days after each transition.
  const transitions: [zone: string, day: string, shiftHours: number][] = [
    ["Europe/Berlin", "2026-03-29", -1],
    ["Europe/Berlin", "2026-10-25", +1],
    ["Europe/London", "2026-03-29", -1],
    ["Europe/London", "2026-10-25", +1],
    ["America/New_York", "2026-03-08", -1],
    ["America/New_York", "2026-11-01", +1],
    ["Australia/Sydney", "2026-04-05", +1],
    ["Australia/Sydney", "2026-10-04", -1],
  ];
  it.each(transitions)("%s around %s: same wall times, UTC instants shift by %i h", (zone, day, shiftHours) => {
    const mid = d(`${day}T12:00Z`).getTime();
    const freeze = weekly({ timeZone: zone, weekdays: [1, 2, 3, 4, 5, 6, 7] });
    const occ = expandFreeze(freeze, new Date(mid - 3.5 * 24 * H), new Date(mid + 3.5 * 24 * H));
    expect(occ.length).toBeGreaterThanOrEqual(6);
    for (const [start, end] of local(occ, zone)) {
      expect(start.slice(11)).toBe("08:00");
      expect(end.slice(11)).toBe("18:00");
    }
    // The transition happens at night, so each occurrence keeps 10 hours.
    for (const o of occ) expect(o.end.getTime() - o.start.getTime()).toBe(10 * H);
    const first = occ[0].start.getTime();
    const last = occ.at(-1)!.start.getTime();
    const days = occ.length - 1;
    expect(last - first).toBe(days * 24 * H + shiftHours * H);
  });

  it("runs past midnight when the end time is not after the start time", () => {
    const freeze = weekly({ weekdays: [5], startTime: "18:00", endTime: "06:00", timeZone: "Europe/London" });
    const occ = expandFreeze(freeze, d("2026-06-01T00:00Z"), d("2026-06-30T00:00Z"));
    expect(local(occ, "Europe/London")).toEqual([
      ["2026-06-05T18:00", "2026-06-06T06:00"],
      ["2026-06-12T18:00", "2026-06-13T06:00"],
      ["2026-06-19T18:00", "2026-06-20T06:00"],
      ["2026-06-26T18:00", "2026-06-27T06:00"],
    ]);
  });

  it("lengthens or shortens an overnight freeze by the DST change inside it", () => {
    const freeze = weekly({ weekdays: [6], startTime: "18:00", endTime: "06:00", timeZone: "Europe/London" });
    const [spring] = expandFreeze(freeze, d("2026-03-28T12:00Z"), d("2026-03-29T12:00Z"));
    expect(spring.end.getTime() - spring.start.getTime()).toBe(11 * H);
    const [autumn] = expandFreeze(freeze, d("2026-10-24T12:00Z"), d("2026-10-25T12:00Z"));
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(13 * H);
  });

  it("includes an overnight occurrence that began before the range", () => {
    const freeze = weekly({ weekdays: [5], startTime: "18:00", endTime: "06:00", timeZone: "UTC" });
    expect(iso(expandFreeze(freeze, d("2026-06-06T03:00Z"), d("2026-06-06T04:00Z")))).toEqual([
      ["2026-06-05T18:00:00.000Z", "2026-06-06T06:00:00.000Z"],
    ]);
  });

  it("treats equal start and end times as a whole day", () => {
    const freeze = weekly({ weekdays: [6, 7], startTime: "00:00", endTime: "00:00", timeZone: "UTC" });
    expect(iso(expandFreeze(freeze, d("2026-06-01T00:00Z"), d("2026-06-08T00:00Z")))).toEqual([
      ["2026-06-06T00:00:00.000Z", "2026-06-07T00:00:00.000Z"],
      ["2026-06-07T00:00:00.000Z", "2026-06-08T00:00:00.000Z"],
    ]);
  });

  it("drops an occurrence that lies wholly in the spring-forward gap", () => {
    const freeze = weekly({ weekdays: [7], startTime: "01:00", endTime: "02:00", timeZone: "Europe/London" });
    const occ = expandFreeze(freeze, d("2026-03-21T00:00Z"), d("2026-04-06T00:00Z"));
    expect(local(occ, "Europe/London")).toEqual([
      ["2026-03-22T01:00", "2026-03-22T02:00"],
      ["2026-04-05T01:00", "2026-04-05T02:00"],
    ]);
  });

  it("returns only occurrences overlapping the half-open range", () => {
    const freeze = weekly({ timeZone: "UTC" });
    expect(expandFreeze(freeze, d("2026-06-01T18:00Z"), d("2026-06-02T08:00Z"))).toEqual([]);
    expect(expandFreeze(freeze, d("2026-06-01T17:59Z"), d("2026-06-02T08:00Z"))).toHaveLength(1);
  });
});

describe("expandFreeze: one-off", () => {
  const oneOff: Freeze = { id: "xmas", environmentId: null, reason: "Holidays", kind: "ONE_OFF", startsAt: d("2026-12-20T18:00Z"), endsAt: d("2027-01-04T08:00Z"), timeZone: "UTC" };

  it("returns the whole freeze when it overlaps the range", () => {
    expect(iso(expandFreeze(oneOff, d("2027-01-01T00:00Z"), d("2027-01-02T00:00Z")))).toEqual([
      ["2026-12-20T18:00:00.000Z", "2027-01-04T08:00:00.000Z"],
    ]);
  });

  it("returns nothing outside it, touching included", () => {
    expect(expandFreeze(oneOff, d("2027-01-04T08:00Z"), d("2027-01-05T00:00Z"))).toEqual([]);
    expect(expandFreeze(oneOff, d("2026-12-01T00:00Z"), d("2026-12-20T18:00Z"))).toEqual([]);
  });
});

describe("freezesHitting", () => {
  const prodOnly = weekly({ id: "prod-hours", environmentId: "prod", timeZone: "UTC" });
  const everywhere: Freeze = { id: "xmas", environmentId: null, reason: "Holidays", kind: "ONE_OFF", startsAt: d("2026-06-02T00:00Z"), endsAt: d("2026-06-03T00:00Z"), timeZone: "UTC" };
  const staging = weekly({ id: "staging-hours", environmentId: "staging", timeZone: "UTC" });

  it("reports each occurrence of freezes for that environment or every environment, in time order", () => {
    const window = { start: d("2026-06-01T17:00Z"), end: d("2026-06-02T09:00Z"), environmentId: "prod" };
    const hits = freezesHitting(window, [prodOnly, staging, everywhere]);
    expect(hits.map((h) => [h.freeze.id, h.occurrence.start.toISOString()])).toEqual([
      ["prod-hours", "2026-06-01T08:00:00.000Z"],
      ["xmas", "2026-06-02T00:00:00.000Z"],
      ["prod-hours", "2026-06-02T08:00:00.000Z"],
    ]);
  });

  it("reports nothing for a window in the clear", () => {
    const window = { start: d("2026-06-06T10:00Z"), end: d("2026-06-06T12:00Z"), environmentId: "prod" }; // Saturday
    expect(freezesHitting(window, [prodOnly, everywhere, staging])).toEqual([]);
  });
});

describe("describeFreeze", () => {
  it("describes weekly freezes", () => {
    expect(describeFreeze(weekly())).toBe("Mon–Fri 08:00–18:00 Europe/Berlin");
    expect(describeFreeze(weekly({ weekdays: [5], startTime: "18:00", endTime: "06:00", timeZone: "UTC" }))).toBe(
      "Fri 18:00–06:00 (next day) UTC",
    );
  });

  it("describes one-off freezes in their zone", () => {
    const base = { id: "x", environmentId: null, reason: "Holidays", kind: "ONE_OFF" as const };
    expect(describeFreeze({ ...base, startsAt: d("2026-12-20T18:00Z"), endsAt: d("2027-01-04T08:00Z"), timeZone: "UTC" })).toBe(
      "20 Dec 2026, 18:00 – 4 Jan 2027, 08:00 UTC",
    );
    expect(describeFreeze({ ...base, startsAt: d("2026-07-01T16:00Z"), endsAt: d("2026-07-02T06:00Z"), timeZone: "Europe/Berlin" })).toBe(
      "1 Jul 2026, 18:00 – 2 Jul 2026, 08:00 Europe/Berlin",
    );
  });

  it.each([
    [[1, 2, 3, 4, 5], "Mon–Fri"],
    [[5, 3, 1], "Mon, Wed, Fri"],
    [[6, 7], "Sat, Sun"],
    [[5, 6, 7, 1], "Fri–Mon"],
    [[7, 1], "Sun, Mon"],
    [[1, 2, 3, 5, 6, 7], "Fri–Wed"],
    [[1, 2, 3, 4, 5, 6, 7], "Every day"],
    [[2, 2, 3], "Tue, Wed"],
  ])("weekdays %j read as %s", (days, text) => {
    expect(describeWeekdays(days)).toBe(text);
  });
});

describe("freezeFromRow", () => {
  const row = { id: "r", environmentId: null, reason: "x", timeZone: "UTC", startsAt: null, endsAt: null, weekdays: [], startTime: null, endTime: null };

  it("narrows complete rows", () => {
    expect(freezeFromRow({ ...row, kind: "WEEKLY", weekdays: [1], startTime: "08:00", endTime: "09:00" })).toMatchObject({ kind: "WEEKLY", weekdays: [1] });
    expect(freezeFromRow({ ...row, kind: "ONE_OFF", startsAt: d("2026-01-01T00:00Z"), endsAt: d("2026-01-02T00:00Z") })).toMatchObject({ kind: "ONE_OFF" });
  });

  it("refuses half-filled rows", () => {
    expect(() => freezeFromRow({ ...row, kind: "ONE_OFF" })).toThrow(/no start or end/);
    expect(() => freezeFromRow({ ...row, kind: "WEEKLY" })).toThrow(/no start or end time/);
  });
});
