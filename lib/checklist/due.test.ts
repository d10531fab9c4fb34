import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveDue, formatRelativeDue, MAX_RELATIVE_DUE_MINUTES, parseRelativeDue, resolveDue } from "./due";

const utc = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe("parseRelativeDue", () => {
  it.each([
    ["T", 0],
    ["T-2d", -2880],
    ["T+4h", 240],
    ["T-90m", -90],
    ["T-1d6h", -1800],
    ["T-1d 6h 30m", -1830],
    ["t - 1D 6H", -1800],
    ["  T+36h ", 2160],
    ["T-0d", 0],
  ])("%s -> %s", (text, minutes) => {
    expect(parseRelativeDue(text)).toBe(minutes);
  });

  it.each(["", "T-", "T+", "2d", "T2d", "T-2", "T-2x", "T-6h1d", "T-1d1d", "T-1.5h", "-2d", "2026-01-01"])(
    "rejects %j",
    (text) => {
      expect(parseRelativeDue(text)).toBeNull();
    },
  );

  it("rejects absurdly large offsets as typos", () => {
    expect(parseRelativeDue("T-1000d")).toBe(-MAX_RELATIVE_DUE_MINUTES);
    expect(parseRelativeDue("T-1001d")).toBeNull();
  });
});

describe("formatRelativeDue", () => {
  it.each([
    [0, "T"],
    [-2880, "T-2d"],
    [240, "T+4h"],
    [-90, "T-1h30m"],
    [-1830, "T-1d6h30m"],
    [2160, "T+1d12h"],
    [1, "T+1m"],
  ])("%s -> %s", (minutes, text) => {
    expect(formatRelativeDue(minutes)).toBe(text);
  });

  it("round-trips every offset within range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_RELATIVE_DUE_MINUTES, max: MAX_RELATIVE_DUE_MINUTES }), (m) => {
        expect(parseRelativeDue(formatRelativeDue(m))).toBe(m);
      }),
    );
  });
});

describe("resolveDue", () => {
  it("is plain arithmetic in UTC", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100 * 1440, max: 100 * 1440 }),
        fc.date({ min: utc("2000-01-01T00:00:00Z"), max: utc("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        (m, start) => {
          expect(resolveDue(m, start, "UTC").getTime()).toBe(start.getTime() + m * 60_000);
        },
      ),
    );
  });

  it("treats offsets under a day as elapsed time in any zone", () => {
    const zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];
    fc.assert(
      fc.property(
        fc.integer({ min: -1439, max: 1439 }),
        fc.date({ min: utc("2026-01-01T00:00:00Z"), max: utc("2027-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (m, start, zone) => {
          expect(resolveDue(m, start, zone).getTime()).toBe(start.getTime() + m * 60_000);
        },
      ),
    );
  });

  it("throws on an unknown zone", () => {
    expect(() => resolveDue(-1440, utc("2026-01-02T00:00:00Z"), "Mars/Olympus")).toThrow(RangeError);
  });

  describe("Europe/London", () => {
    const tz = "Europe/London";
    it("keeps the wall time across spring-forward (2026-03-29)", () => {
      // 12:00 BST on the change day; the day before at 12:00 GMT is only 23 h earlier.
      expect(iso(resolveDue(-1440, utc("2026-03-29T11:00:00Z"), tz))).toBe("2026-03-28T12:00:00.000Z");
      expect(iso(resolveDue(-2880, utc("2026-03-30T08:00:00Z"), tz))).toBe("2026-03-28T09:00:00.000Z");
    });
    it("moves a skipped wall time forward by the gap", () => {
      // 01:30 BST on 30 March; 01:30 on 29 March never happened, so 02:30 BST.
      expect(iso(resolveDue(-1440, utc("2026-03-30T00:30:00Z"), tz))).toBe("2026-03-29T01:30:00.000Z");
    });
    it("adds the remainder as elapsed time after the days", () => {
      // T-6h from 04:00 BST crosses the jump: 21:00 GMT, seven wall-clock hours earlier.
      expect(iso(resolveDue(-360, utc("2026-03-29T03:00:00Z"), tz))).toBe("2026-03-28T21:00:00.000Z");
      // T-1d6h from 09:00 BST 30 March: 09:00 BST 29 March, then 6 h earlier = 03:00 BST.
      expect(iso(resolveDue(-1800, utc("2026-03-30T08:00:00Z"), tz))).toBe("2026-03-29T02:00:00.000Z");
    });
    it("keeps the wall time across fall-back (2026-10-25)", () => {
      expect(iso(resolveDue(-1440, utc("2026-10-25T12:00:00Z"), tz))).toBe("2026-10-24T11:00:00.000Z");
      expect(iso(resolveDue(1440, utc("2026-10-24T11:00:00Z"), tz))).toBe("2026-10-25T12:00:00.000Z");
    });
    it("takes the earlier of a repeated wall time", () => {
      // 01:30 GMT on 26 Oct; 01:30 on 25 Oct happens twice, BST first.
      expect(iso(resolveDue(-1440, utc("2026-10-26T01:30:00Z"), tz))).toBe("2026-10-25T00:30:00.000Z");
    });
  });

  describe("America/New_York", () => {
    const tz = "America/New_York";
    it("keeps the wall time across spring-forward (2026-03-08)", () => {
      // 09:00 EDT on 9 March -> 09:00 EST on 7 March, 47 h earlier.
      expect(iso(resolveDue(-2880, utc("2026-03-09T13:00:00Z"), tz))).toBe("2026-03-07T14:00:00.000Z");
    });
    it("moves 02:30 on the change day to 03:30 EDT", () => {
      expect(iso(resolveDue(-1440, utc("2026-03-09T06:30:00Z"), tz))).toBe("2026-03-08T07:30:00.000Z");
    });
    it("keeps the wall time across fall-back (2026-11-01) and prefers EDT for 01:30", () => {
      expect(iso(resolveDue(-1440, utc("2026-11-01T17:00:00Z"), tz))).toBe("2026-10-31T16:00:00.000Z");
      expect(iso(resolveDue(-1440, utc("2026-11-02T06:30:00Z"), tz))).toBe("2026-11-01T05:30:00.000Z");
    });
  });

  describe("Australia/Sydney", () => {
    const tz = "Australia/Sydney";
    it("keeps the wall time across fall-back (2026-04-05)", () => {
      // 09:00 AEST on 6 April -> 09:00 AEDT on 4 April, 49 h earlier.
      expect(iso(resolveDue(-2880, utc("2026-04-05T23:00:00Z"), tz))).toBe("2026-04-03T22:00:00.000Z");
      // 02:30 AEST 6 April -> 02:30 on 5 April happens twice; AEDT first.
      expect(iso(resolveDue(-1440, utc("2026-04-05T16:30:00Z"), tz))).toBe("2026-04-04T15:30:00.000Z");
    });
    it("keeps the wall time across spring-forward (2026-10-04) and moves 02:30 to 03:30", () => {
      // 09:00 AEDT on 5 October -> 09:00 AEST on 3 October, 47 h earlier.
      expect(iso(resolveDue(-2880, utc("2026-10-04T22:00:00Z"), tz))).toBe("2026-10-02T23:00:00.000Z");
      expect(iso(resolveDue(-1440, utc("2026-10-04T15:30:00Z"), tz))).toBe("2026-10-03T16:30:00.000Z");
    });
  });
});

describe("effectiveDue", () => {
  const start = utc("2026-06-01T10:00:00Z");
  it("prefers the absolute due", () => {
    const dueAt = utc("2026-05-01T00:00:00Z");
    expect(effectiveDue({ dueAt, dueOffsetMinutes: -60 }, start, "UTC")).toBe(dueAt);
  });
  it("resolves a relative due against the window", () => {
    expect(effectiveDue({ dueAt: null, dueOffsetMinutes: -60 }, start, "UTC")).toEqual(utc("2026-06-01T09:00:00Z"));
  });
  it("is null without a due, or with a relative due and no window", () => {
    expect(effectiveDue({ dueAt: null, dueOffsetMinutes: null }, start, "UTC")).toBeNull();
    expect(effectiveDue({ dueAt: null, dueOffsetMinutes: -60 }, null, "UTC")).toBeNull();
  });
});
