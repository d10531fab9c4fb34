import { describe, expect, it } from "vitest";
import { judgeRoundTrip, SLOW_DB_MS } from "./round-trip";

describe("the database round trip", () => {
  it("is judged by its fastest sample: one slow reading on a busy instance is not a slow database", () => {
    expect(judgeRoundTrip([161.04, 2.26, 3.1])).toEqual({ level: "ok", latencyMs: 2.3, note: "Reachable." });
  });

  it("warns when even the fastest sample is over the limit, and says how it was measured", () => {
    expect(judgeRoundTrip([140, 101, 180])).toEqual({
      level: "warning",
      latencyMs: 101,
      note: `Slow: the fastest of 3 select 1 round trips took over ${SLOW_DB_MS} ms.`,
    });
  });

  it("puts the limit itself on the ok side", () => {
    expect(judgeRoundTrip([SLOW_DB_MS]).level).toBe("ok");
    expect(judgeRoundTrip([SLOW_DB_MS + 0.1]).level).toBe("warning");
  });

  it("refuses to judge nothing", () => {
    expect(() => judgeRoundTrip([])).toThrow("at least one sample");
  });
});
