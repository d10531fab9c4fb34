import { describe, expect, it } from "vitest";
import { setAdminSchema, setDeactivatedSchema, userSearchSchema } from "./users.schema";

describe("users area inputs", () => {
  it("bounds the search: trimmed, cut to 100 characters, a bad page is the first", () => {
    expect(userSearchSchema.parse({ q: "  Ada  ", page: "3" })).toEqual({ q: "Ada", page: 3 });
    expect(userSearchSchema.parse({ q: "x".repeat(500), page: "-2" })).toEqual({ q: "x".repeat(100), page: 1 });
    expect(userSearchSchema.parse({ q: ["a", "b"], page: "abc" })).toEqual({ q: "", page: 1 });
    expect(userSearchSchema.parse({ page: "99999999" }).page).toBe(1);
  });

  it("refuses missing, oversized or mistyped user changes", () => {
    expect(setAdminSchema.safeParse({ userId: "u1", isAdmin: true }).success).toBe(true);
    expect(setAdminSchema.safeParse({ userId: "", isAdmin: true }).success).toBe(false);
    expect(setAdminSchema.safeParse({ userId: "u".repeat(65), isAdmin: true }).success).toBe(false);
    expect(setDeactivatedSchema.safeParse({ userId: "u1", deactivated: "yes" }).success).toBe(false);
  });
});
