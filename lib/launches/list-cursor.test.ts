import { describe, expect, it } from "vitest";
import { decodeLaunchCursor, encodeLaunchCursor } from "./list-cursor";

describe("the launches list's page cursor", () => {
  it("round-trips the last activity to the millisecond and the id", () => {
    const cursor = { updatedAt: new Date("2026-12-03T08:40:12.345Z"), id: "cmx7ajz2z0034707d4mdbl3yb" };
    expect(decodeLaunchCursor(encodeLaunchCursor(cursor))).toEqual(cursor);
  });

  it("is null for whatever a hand-edited link may hold", () => {
    for (const text of [undefined, "", "abc", "123", ".id", "12.", "1.a b", "1.a;drop", `1.${"x".repeat(65)}`, "1".repeat(16) + ".id", ["1.a", "2.b"], "-5.id"]) {
      expect(decodeLaunchCursor(text as string)).toBeNull();
    }
  });
});
