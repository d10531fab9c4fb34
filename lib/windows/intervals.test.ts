import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findClash, nextFreeSlot, overlaps, type ExistingWindow, type Interval } from "./intervals";

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 5, 0, 0);
const span = (fromH: number, toH: number): Interval => ({ start: new Date(T0 + fromH * H), end: new Date(T0 + toH * H) });

describe("overlaps", () => {
  it("treats intervals as half-open: touching ends do not overlap", () => {
    expect(overlaps(span(0, 2), span(2, 4))).toBe(false);
    expect(overlaps(span(2, 4), span(0, 2))).toBe(false);
  });

  it("detects partial overlap, containment and identity", () => {
    expect(overlaps(span(0, 3), span(2, 4))).toBe(true);
    expect(overlaps(span(0, 10), span(2, 4))).toBe(true);
    expect(overlaps(span(2, 4), span(0, 10))).toBe(true);
    expect(overlaps(span(2, 4), span(2, 4))).toBe(true);
  });

  it("is symmetric", () => {
    const iv = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 20 })).map(([s, d]) => span(s, s + d));
    fc.assert(fc.property(iv, iv, (a, b) => overlaps(a, b) === overlaps(b, a)));
  });
});

describe("findClash", () => {
  const win = (id: string, fromH: number, toH: number, status: ExistingWindow["status"] = "SCHEDULED", environmentId = "prod"): ExistingWindow => ({
    id,
    ...span(fromH, toH),
    environmentId,
    status,
    label: `Launch ${id}`,
  });

  it("finds a scheduled or in-progress window overlapping on the same environment", () => {
    const windows = [win("a", 0, 2), win("b", 3, 5, "IN_PROGRESS")];
    expect(findClash({ ...span(4, 6), environmentId: "prod" }, windows)?.id).toBe("b");
  });

  it("ignores other environments, windows that do not hold the environment, and touching windows", () => {
    const windows = [
      win("other-env", 2, 6, "SCHEDULED", "staging"),
      win("proposed", 2, 6, "PROPOSED"),
      win("cancelled", 2, 6, "CANCELLED"),
      win("done", 2, 6, "COMPLETED"),
      win("rolled-back", 2, 6, "ROLLED_BACK"),
      win("before", 0, 2),
      win("after", 6, 8),
    ];
    expect(findClash({ ...span(2, 6), environmentId: "prod" }, windows)).toBeNull();
  });

  it("ignores the candidate's own row, so a window can be moved onto its old slot", () => {
    expect(findClash({ id: "a", ...span(1, 3), environmentId: "prod" }, [win("a", 0, 2)])).toBeNull();
    expect(findClash({ ...span(1, 3), environmentId: "prod" }, [win("a", 0, 2)])?.id).toBe("a");
  });

  it("returns the earliest-starting clash whatever the input order", () => {
    const windows = [win("late", 5, 7), win("early", 1, 3), win("middle", 3, 5)];
    expect(findClash({ ...span(0, 10), environmentId: "prod" }, windows)?.id).toBe("early");
  });
});

describe("nextFreeSlot", () => {
  const at = (h: number) => new Date(T0 + h * H);

  it("returns the desired start when it is free", () => {
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: 2 * H, busy: [span(2, 4)] })).toEqual(at(0));
  });

  it("skips past busy intervals, using gaps only when the whole duration fits", () => {
    const busy = [span(1, 3), span(4, 6), span(9, 10)];
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: 2 * H, busy })).toEqual(at(6));
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: 1 * H, busy })).toEqual(at(0));
    expect(nextFreeSlot({ desiredStart: at(2), durationMs: 1 * H, busy })).toEqual(at(3));
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: 4 * H, busy })).toEqual(at(10));
  });

  it("avoids freezes as well as busy windows", () => {
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: 2 * H, busy: [span(0, 1)], freezes: [span(2, 8)] })).toEqual(at(8));
  });

  it("never offers a start before notBefore", () => {
    expect(nextFreeSlot({ desiredStart: at(0), notBefore: at(5), durationMs: H, busy: [] })).toEqual(at(5));
    expect(nextFreeSlot({ desiredStart: at(5), notBefore: at(0), durationMs: H, busy: [] })).toEqual(at(5));
  });

  it("gives up beyond the horizon", () => {
    const busy = [{ start: at(0), end: at(24 * 100) }];
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: H, busy })).toBeNull();
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: H, busy, horizonDays: 100 })).toEqual(at(2400));
  });

  it("ignores empty or inverted intervals", () => {
    expect(nextFreeSlot({ desiredStart: at(0), durationMs: H, busy: [span(0, 0), span(3, 1)] })).toEqual(at(0));
  });

  it("refuses a non-positive duration", () => {
    expect(() => nextFreeSlot({ desiredStart: at(0), durationMs: 0, busy: [] })).toThrow(RangeError);
  });

  // Whole minutes keep the brute-force search below exact.
  const M = 60_000;
  const interval = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 180 })).map(([s, d]) => ({ start: new Date(s * M), end: new Date((s + d) * M) }));
  const scenario = fc.record({
    desired: fc.integer({ min: 0, max: 500 }),
    duration: fc.integer({ min: 1, max: 240 }),
    busy: fc.array(interval, { maxLength: 8 }),
    freezes: fc.array(interval, { maxLength: 4 }),
    notBefore: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  });
  const free = (startMin: number, duration: number, blocking: Interval[]) =>
    blocking.every((b) => !overlaps({ start: new Date(startMin * M), end: new Date((startMin + duration) * M) }, b));

  // Brute force over every minute: generous timeout for a loaded shared machine.
  it("returns a slot that overlaps nothing, with no valid earlier start", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(scenario, ({ desired, duration, busy, freezes, notBefore }) => {
        const slot = nextFreeSlot({
          desiredStart: new Date(desired * M),
          durationMs: duration * M,
          busy,
          freezes,
          notBefore: notBefore === undefined ? undefined : new Date(notBefore * M),
        });
        const blocking = [...busy, ...freezes];
        const from = Math.max(desired, notBefore ?? 0);
        expect(slot).not.toBeNull();
        const startMin = slot!.getTime() / M;
        expect(startMin).toBeGreaterThanOrEqual(from);
        expect(free(startMin, duration, blocking)).toBe(true);
        // No candidate point (the desired start, or any blocking end) that is earlier would do...
        const candidates = [from, ...blocking.map((b) => b.end.getTime() / M)].filter((c) => c >= from && c < startMin);
        for (const c of candidates) expect(free(c, duration, blocking)).toBe(false);
        // ...nor, more strongly, any whole minute in between.
        for (let m = from; m < startMin; m++) expect(free(m, duration, blocking)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("returns null only when no start within the horizon is free", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 1 }), ({ desired, duration, busy }, horizonMinutes) => {
        const horizonDays = horizonMinutes / 1440;
        const slot = nextFreeSlot({ desiredStart: new Date(desired * M), durationMs: duration * M, busy, horizonDays });
        const anyFree = Array.from({ length: horizonMinutes + 1 }, (_, i) => desired + i).some((m) => free(m, duration, busy));
        expect(slot !== null).toBe(anyFree);
      }),
      { numRuns: 300 },
    );
  });
});
