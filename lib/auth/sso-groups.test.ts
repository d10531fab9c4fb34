import { describe, expect, it } from "vitest";
import { adminDecision, groupsFromProfile } from "./sso-groups";

describe("groupsFromProfile", () => {
  it("reads an array claim and keeps only strings", () => {
    expect(groupsFromProfile({ groups: ["ops", 3, "liftoff-admins", null] }, "groups")).toEqual(["ops", "liftoff-admins"]);
  });
  it("reads a single-string claim, and nothing from a missing profile or claim", () => {
    expect(groupsFromProfile({ role: "liftoff-admins" }, "role")).toEqual(["liftoff-admins"]);
    expect(groupsFromProfile({ email: "a@b.example" }, "groups")).toEqual([]);
    expect(groupsFromProfile(undefined, "groups")).toEqual([]);
    expect(groupsFromProfile({ groups: { nested: true } }, "groups")).toEqual([]);
  });
  it("walks a dotted claim name, but prefers a top-level claim of that exact name", () => {
    expect(groupsFromProfile({ realm_access: { roles: ["admin", "user"] } }, "realm_access.roles")).toEqual(["admin", "user"]);
    expect(groupsFromProfile({ "realm_access.roles": ["flat"], realm_access: { roles: ["nested"] } }, "realm_access.roles")).toEqual(["flat"]);
    expect(groupsFromProfile({ realm_access: "x" }, "realm_access.roles")).toEqual([]);
  });
});

describe("adminDecision", () => {
  const base = { groups: ["staff"], adminGroup: "liftoff-admins", isAdmin: false, pinned: false };
  it("changes nothing without an admin group configured", () => {
    expect(adminDecision({ ...base, adminGroup: undefined, groups: ["liftoff-admins"] })).toBe("keep");
    expect(adminDecision({ ...base, adminGroup: undefined, isAdmin: true })).toBe("keep");
  });
  it("grants a member who is not admin yet, and keeps a member who is", () => {
    expect(adminDecision({ ...base, groups: ["staff", "liftoff-admins"] })).toBe("grant");
    expect(adminDecision({ ...base, groups: ["liftoff-admins"], isAdmin: true })).toBe("keep");
  });
  it("revokes an admin who left the group, unless LIFTOFF_ADMIN_EMAILS lists them", () => {
    expect(adminDecision({ ...base, isAdmin: true })).toBe("revoke");
    expect(adminDecision({ ...base, isAdmin: true, pinned: true })).toBe("keep");
    expect(adminDecision({ ...base, isAdmin: false })).toBe("keep");
  });
  it("matches the group name exactly (case and whole name)", () => {
    expect(adminDecision({ ...base, groups: ["Liftoff-Admins", "liftoff-admins-old"] })).toBe("keep");
  });
});
