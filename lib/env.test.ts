import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const url = "postgresql://u:p@localhost:5432/db";

describe("parseEnv", () => {
  it("accepts a development environment without a secret", () => {
    expect(parseEnv({ DATABASE_URL: url }).AUTH_RATE_LIMIT_MAX).toBe(10);
  });
  it("requires BETTER_AUTH_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: url })).toThrow(/BETTER_AUTH_SECRET is required/);
  });
  it("rejects a short secret and a non-postgres URL, naming each variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x/y", BETTER_AUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL[\s\S]*BETTER_AUTH_SECRET|BETTER_AUTH_SECRET[\s\S]*DATABASE_URL/,
    );
  });
  it("rejects a missing DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });
});
