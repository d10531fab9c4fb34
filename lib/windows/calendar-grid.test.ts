import { describe, expect, it } from "vitest";
import { dayFraction, dayInterval, fetchRange, isDay, monthGrid, onDay, shiftPeriod, todayIn, weekDays } from "./calendar-grid";

describe("calendar grid", () => {
  it("lays a month out in Monday-first weeks, padded with neighbouring days", () => {
    const grid = monthGrid("2026-03-15");
    expect(grid[0][0]).toBe("2026-02-23");
    expect(grid.at(-1)!.at(-1)).toBe("2026-04-05");
    expect(grid).toHaveLength(6);
    expect(grid.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid("2027-02-01")).toHaveLength(4); // Feb 2027 starts on a Monday and has 28 days
  });

  it("finds the week and moves by month, week and timeline page", () => {
    expect(weekDays("2026-12-05")).toEqual(["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(shiftPeriod("month", "2026-12-31", 1)).toBe("2027-01-01");
    expect(shiftPeriod("month", "2026-01-31", -1)).toBe("2025-12-01");
    expect(shiftPeriod("week", "2026-12-05", -1)).toBe("2026-11-28");
    expect(shiftPeriod("timeline", "2026-12-05", 1)).toBe("2027-01-02");
  });

  it("makes DST days 23 and 25 hours long in the zone shown, never shifting them", () => {
    const spring = dayInterval("2026-03-29", "Europe/London");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = dayInterval("2026-04-05", "Australia/Sydney");
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
    const ny = dayInterval("2026-11-01", "America/New_York");
    expect(ny.start.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(ny.end.toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("puts an item on each day it touches in the viewer's zone", () => {
    // 23:00–01:00 UTC is one evening in New York but two days in Berlin.
    const item = { start: "2026-12-04T23:00:00Z", end: "2026-12-05T01:00:00Z" };
    expect(onDay([item], "2026-12-04", "America/New_York")).toHaveLength(1);
    expect(onDay([item], "2026-12-05", "America/New_York")).toHaveLength(0);
    expect(onDay([item], "2026-12-05", "Europe/Berlin")).toHaveLength(1);
    expect(dayFraction(item, "2026-12-05", "Europe/Berlin")).toEqual({ top: 0, height: 2 / 24 });
  });

  it("validates days and loads a range covering every zone", () => {
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-05T12:00:00Z"))).toBe("2026-12-06");
    const range = fetchRange(["week"], "2026-12-05");
    expect(range.start.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(range.end.toISOString()).toBe("2026-12-09T00:00:00.000Z");
  });
});
