import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, instantToWallClock, isoWeekday, parseWallClock, wallClockToInstant } from "./wall-clock";

const pad = (n: number) => String(n).padStart(2, "0");
const utc = (iso: string) => new Date(iso).toISOString();
const at = (local: string, zone: string) => wallClockToInstant(local, zone).toISOString();

describe("parseWallClock", () => {
  it("reads a wall-clock time", () => {
    expect(parseWallClock("2026-12-05T02:00")).toEqual({ year: 2026, month: 12, day: 5, hour: 2, minute: 0 });
  });

  it.each(["2026-02-30T10:00", "2026-13-01T00:00", "2026-00-10T00:00", "2026-01-01T24:00", "2026-01-01T10:60", "2026-1-01T00:00", "2026-01-01 10:00", "2026-01-01T10:00:00", "0099-01-01T00:00", ""])(
    "rejects %j",
    (input) => expect(parseWallClock(input)).toBeNull(),
  );

  it("knows leap days", () => {
    expect(parseWallClock("2028-02-29T00:00")).not.toBeNull();
    expect(parseWallClock("2026-02-29T00:00")).toBeNull();
  });
});

describe("wallClockToInstant", () => {
  it("reads ordinary times with the offset in force", () => {
    expect(at("2026-12-05T02:00", "Europe/London")).toBe(utc("2026-12-05T02:00Z"));
    expect(at("2026-07-04T02:00", "Europe/London")).toBe(utc("2026-07-04T01:00Z"));
    expect(at("2026-07-04T02:00", "America/New_York")).toBe(utc("2026-07-04T06:00Z"));
    expect(at("2026-07-04T02:00", "Asia/Kathmandu")).toBe(utc("2026-07-03T20:15Z"));
    expect(at("2026-07-04T02:00", "UTC")).toBe(utc("2026-07-04T02:00Z"));
  });

  it("moves a time in the spring-forward gap forward by the gap", () => {
    expect(at("2026-03-29T02:30", "Europe/Berlin")).toBe(utc("2026-03-29T01:30Z")); // 03:30 CEST
    expect(at("2026-03-29T01:30", "Europe/London")).toBe(utc("2026-03-29T01:30Z")); // 02:30 BST
    expect(at("2026-03-08T02:30", "America/New_York")).toBe(utc("2026-03-08T07:30Z")); // 03:30 EDT
    expect(at("2026-10-04T02:30", "Australia/Sydney")).toBe(utc("2026-10-03T16:30Z")); // 03:30 AEDT
    expect(instantToWallClock(wallClockToInstant("2026-03-29T02:30", "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("takes the earlier instant for a time that happens twice at fall-back", () => {
    expect(at("2026-10-25T02:30", "Europe/Berlin")).toBe(utc("2026-10-25T00:30Z")); // CEST, not CET
    expect(at("2026-10-25T01:30", "Europe/London")).toBe(utc("2026-10-25T00:30Z")); // BST, not GMT
    expect(at("2026-11-01T01:30", "America/New_York")).toBe(utc("2026-11-01T05:30Z")); // EDT, not EST
    expect(at("2026-04-05T02:30", "Australia/Sydney")).toBe(utc("2026-04-04T15:30Z")); // AEDT, not AEST
  });

  it("handles a 30-minute DST shift (Lord Howe Island)", () => {
    expect(at("2026-10-04T02:15", "Australia/Lord_Howe")).toBe(utc("2026-10-03T15:45Z")); // gap: 02:45 +11
    expect(at("2026-04-05T01:45", "Australia/Lord_Howe")).toBe(utc("2026-04-04T14:45Z")); // earlier of two
  });

  it("throws on malformed input or an unknown zone", () => {
    expect(() => wallClockToInstant("2026-02-30T10:00", "UTC")).toThrow(RangeError);
    expect(() => wallClockToInstant("2026-02-10T10:00", "Mars/Olympus")).toThrow(RangeError);
  });

  const zones = ["UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "Pacific/Chatham"];
  const minuteInstant = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));

  it("round-trips every instant to the same wall clock, picking the earliest instant showing it", () => {
    fc.assert(
      fc.property(minuteInstant, fc.constantFrom(...zones), (instant, zone) => {
        const local = instantToWallClock(instant, zone);
        const back = wallClockToInstant(local, zone);
        expect(instantToWallClock(back, zone)).toBe(local);
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
        // Only the repeated fall-back hour maps back earlier, and never by more than a DST shift.
        expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
      }),
      { numRuns: 2000 },
    );
  });

  it("resolves any wall clock to itself, or to a later one within an hour when it falls in a gap", () => {
    const wall = fc.record({
      year: fc.integer({ min: 2000, max: 2040 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
    });
    fc.assert(
      fc.property(wall, fc.constantFrom(...zones), (w, zone) => {
        const local = `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
        const shown = instantToWallClock(wallClockToInstant(local, zone), zone);
        const shift = Date.parse(`${shown}Z`) - Date.parse(`${local}Z`);
        expect(shift).toBeGreaterThanOrEqual(0);
        expect(shift).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("calendar helpers", () => {
  it("adds days across month and year ends", () => {
    const w = parseWallClock("2026-12-31T18:00")!;
    expect(addDays(w, 1)).toEqual({ year: 2027, month: 1, day: 1, hour: 18, minute: 0 });
    expect(addDays(w, -31)).toMatchObject({ year: 2026, month: 11, day: 30 });
  });

  it("numbers weekdays the ISO way", () => {
    expect(isoWeekday(parseWallClock("2026-03-30T00:00")!)).toBe(1); // Monday
    expect(isoWeekday(parseWallClock("2026-03-29T00:00")!)).toBe(7); // Sunday
  });
});
