import { describe, expect, it } from "vitest";
import { expandFreeze, MAX_FREEZE_OCCURRENCES, type WeeklyFreeze } from "./freeze";
import { horizonError, pastStartError, DEFAULT_HORIZON } from "./horizon";
import { nextFreeSlot } from "./intervals";

const now = new Date("2026-12-01T12:00:00Z");
const d = (s: string) => new Date(s);

describe("horizonError", () => {
  it("accepts a range inside the horizon", () => {
    expect(horizonError({ start: d("2026-01-01T00:00Z"), end: d("2031-11-30T00:00Z") }, now, DEFAULT_HORIZON, "window")).toBeNull();
  });
  it("refuses a start more than the configured days back, naming the first allowed day", () => {
    expect(horizonError({ start: d("2025-11-30T00:00Z"), end: d("2026-01-01T00:00Z") }, now, DEFAULT_HORIZON, "freeze")).toEqual({
      start: ["A freeze can start at most 365 days back (from 2025-12-01)"],
    });
  });
  it("refuses an end beyond the configured years, year 9999 included", () => {
    expect(horizonError({ start: d("9999-06-01T00:00Z"), end: d("9999-06-01T04:00Z") }, now, { pastDays: 30, futureYears: 2 }, "window")).toEqual({
      end: ["A window must end within 2 years from now (by 2028-12-01)"],
    });
  });
});

describe("pastStartError", () => {
  it("refuses a start in the past, with a few minutes' grace for a form filled just now", () => {
    expect(pastStartError(d("2026-12-01T11:58Z"), now)).toBeNull();
    expect(pastStartError(d("2026-12-01T11:00Z"), now)).toMatch(/starts in the past/);
  });
});

describe("bounded work whatever the input", () => {
  const weekly: WeeklyFreeze = {
    id: "f", environmentId: null, reason: "Business hours", timeZone: "Europe/Berlin",
    kind: "WEEKLY", weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: "08:00", endTime: "18:00",
  };

  it("expands a weekly freeze over 8,000 years in bounded time, capped in occurrences", () => {
    const started = performance.now();
    const occurrences = expandFreeze(weekly, now, d("9999-12-31T00:00Z"));
    expect(occurrences.length).toBeLessThanOrEqual(MAX_FREEZE_OCCURRENCES);
    expect(occurrences.length).toBeGreaterThan(MAX_FREEZE_OCCURRENCES - 7);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("visits only the freeze's weekdays: one weekday over a year gives 52 or 53 occurrences", () => {
    const occurrences = expandFreeze({ ...weekly, weekdays: [3] }, d("2027-01-01T00:00Z"), d("2028-01-01T00:00Z"));
    expect(occurrences).toHaveLength(52);
    expect(occurrences.every((o) => o.start.getUTCDay() === 3)).toBe(true);
  });

  it("searches 10,000 busy intervals in one sweep and never beyond a year", () => {
    const H = 3_600_000;
    const busy = Array.from({ length: 10_000 }, (_, i) => ({ start: new Date(now.getTime() + i * H), end: new Date(now.getTime() + (i + 1) * H) }));
    const started = performance.now();
    expect(nextFreeSlot({ desiredStart: now, durationMs: H, busy, horizonDays: 1_000 })?.getTime()).toBeUndefined();
    expect(nextFreeSlot({ desiredStart: now, durationMs: H, busy: busy.slice(0, 100) })?.toISOString()).toBe("2026-12-05T16:00:00.000Z");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
