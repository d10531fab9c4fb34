import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it.each([
    [0, "less than a minute"],
    [59_999, "less than a minute"],
    [60_000, "1 min"],
    [(3 * 60 + 12) * 60_000, "3 h 12 min"],
    [2 * 3_600_000, "2 h"],
    [(2 * 1440 + 4 * 60 + 7) * 60_000, "2 d 4 h"],
    [3 * 86_400_000, "3 d"],
    [-90 * 60_000, "1 h 30 min"],
  ])("%s ms -> %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
