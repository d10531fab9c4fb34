import { describe, expect, it } from "vitest";
import { LOCK_AFTER, backoffMs } from "./throttle";

describe("backoffMs", () => {
  it("does not lock before LOCK_AFTER failures, then doubles from 30 s up to 15 min", () => {
    expect(backoffMs(LOCK_AFTER - 1)).toBe(0);
    expect(backoffMs(LOCK_AFTER)).toBe(30_000);
    expect(backoffMs(LOCK_AFTER + 1)).toBe(60_000);
    expect(backoffMs(LOCK_AFTER + 4)).toBe(480_000);
    expect(backoffMs(LOCK_AFTER + 5)).toBe(900_000);
    expect(backoffMs(10_000)).toBe(900_000);
  });
});
