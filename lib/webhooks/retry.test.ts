import { describe, expect, it } from "vitest";
import { backoffMs, MAX_ATTEMPTS, parseRetryAfter, RETRY_AFTER_MAX_MS, verdict } from "./retry";

const now = new Date("2026-12-02T02:00:00Z");

describe("Retry-After", () => {
  it("reads delta-seconds and HTTP dates, bounded to an hour", () => {
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    expect(parseRetryAfter("999999", now)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter("Wed, 02 Dec 2026 02:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 02 Dec 2026 01:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("Thu, 31 Dec 2026 00:00:00 GMT", now)).toBe(RETRY_AFTER_MAX_MS);
  });

  it("ignores what it cannot read", () => {
    for (const v of [null, undefined, "", "-1", "1.5", "soon", "12abc"]) expect(parseRetryAfter(v, now)).toBeNull();
  });
});

describe("what to do after an attempt", () => {
  it("2xx is delivered, 410 stops", () => {
    expect(verdict({ status: 204 }, 1, now)).toEqual({ kind: "delivered" });
    expect(verdict({ status: 200 }, MAX_ATTEMPTS, now)).toEqual({ kind: "delivered" });
    expect(verdict({ status: 410 }, 1, now)).toEqual({ kind: "gone" });
  });

  it("429 and 503 honour Retry-After, other failures back off exponentially", () => {
    expect(verdict({ status: 429, retryAfter: "1" }, 2, now)).toEqual({ kind: "retry", delayMs: 1000 });
    expect(verdict({ status: 503, retryAfter: "7200" }, 2, now)).toEqual({ kind: "retry", delayMs: RETRY_AFTER_MAX_MS });
    expect(verdict({ status: 503 }, 1, now)).toEqual({ kind: "retry", delayMs: backoffMs(1) });
    expect(verdict({ status: 500, retryAfter: "1" }, 3, now)).toEqual({ kind: "retry", delayMs: backoffMs(3) });
    expect(verdict({ status: null, error: "ECONNREFUSED" }, 2, now)).toEqual({ kind: "retry", delayMs: backoffMs(2) });
    expect(verdict({ status: 301 }, 1, now).kind).toBe("retry");
  });

  it("gives up after the limit", () => {
    expect(verdict({ status: 500 }, MAX_ATTEMPTS, now)).toEqual({ kind: "failed" });
    expect(verdict({ status: 429, retryAfter: "1" }, MAX_ATTEMPTS, now)).toEqual({ kind: "failed" });
  });

  it("backs off 30 s, 1 min, 2 min ... up to 6 h", () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(6 * 3_600_000);
  });
});
