import { describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { createUser } from "@/lib/test/fixtures";

const attempt = (email: string, password: string, ip: string) =>
  getAuth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );

describe("sign-in rate limiting", () => {
  it("answers 429 after too many attempts from one address, while another address still gets in", async () => {
    const user = await createUser();
    const max = Number(process.env.AUTH_RATE_LIMIT_MAX ?? 10);
    const statuses: number[] = [];
    for (let i = 0; i < max + 2; i++) statuses.push((await attempt(user.email, "wrong-password-x", "203.0.113.7")).status);
    expect(statuses.slice(0, max).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(max)).toEqual([429, 429]);
    // Even the right password is refused from the throttled address…
    expect((await attempt(user.email, "test-password-123", "203.0.113.7")).status).toBe(429);
    // …but not from elsewhere.
    expect((await attempt(user.email, "test-password-123", "198.51.100.9")).status).toBe(200);
  });

  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const user = await createUser();
    const response = await attempt(user.email, "test-password-123", "198.51.100.10");
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
