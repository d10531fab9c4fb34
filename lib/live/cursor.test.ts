import { describe, expect, it } from "vitest";
import { parseEventCursor } from "./cursor";

describe("parseEventCursor", () => {
  it("reads absent as the beginning and accepts the whole bigint range", () => {
    expect(parseEventCursor(null)).toEqual({ ok: true, after: 0n });
    expect(parseEventCursor("")).toEqual({ ok: true, after: 0n });
    expect(parseEventCursor("42")).toEqual({ ok: true, after: 42n });
    expect(parseEventCursor("9223372036854775807")).toEqual({ ok: true, after: 9223372036854775807n });
  });

  it.each(["9223372036854775808", "9999999999999999999", "99999999999999999999", "-1", "1e3", "0x10", " 1", "1.5", "abc"])(
    "refuses %j with a message",
    (value) => {
      const result = parseEventCursor(value);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/Invalid event cursor/);
    },
  );
});
