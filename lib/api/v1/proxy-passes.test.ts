import { describe, expect, it } from "vitest";
import { createApiTokenSchema } from "@/lib/api-tokens/api-token.schema";
import { config } from "@/proxy";

// proxy.ts redirects cookie-less visitors to sign in; /api/v1 callers send a bearer token and no cookie,
// so the API must never reach it: the route handlers answer 401 problem documents themselves.
const matches = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));

describe("proxy and /api/v1", () => {
  it("lets every /api/v1 path through to its handler", () => {
    for (const p of ["/api/v1/launches", "/api/v1/launches/abc/items/def/status", "/api/v1/openapi.json"]) expect(matches(p), p).toBe(false);
  });
  it("still guards the pages, the token settings included", () => {
    for (const p of ["/", "/settings/tokens", "/settings/tokens/docs", "/admin"]) expect(matches(p), p).toBe(true);
  });
});

describe("createApiTokenSchema", () => {
  const valid = { name: "CI", launchIds: ["l1"], scopes: ["read"], expiresInDays: 30 };
  it("accepts a named token with launches, scopes and an expiry or none", () => {
    expect(createApiTokenSchema.safeParse(valid).success).toBe(true);
    expect(createApiTokenSchema.safeParse({ ...valid, expiresInDays: null }).success).toBe(true);
  });
  it.each([
    ["no launch", { launchIds: [] }],
    ["an unknown scope", { scopes: ["admin"] }],
    ["no scope", { scopes: [] }],
    ["a control character in the name", { name: "CI\u0007" }],
    ["an expiry of 0 days", { expiresInDays: 0 }],
    ["an expiry over a year", { expiresInDays: 400 }],
    ["51 launches", { launchIds: Array.from({ length: 51 }, (_, i) => `l${i}`) }],
  ])("refuses %s", (_label, patch) => {
    expect(createApiTokenSchema.safeParse({ ...valid, ...patch }).success).toBe(false);
  });
});
