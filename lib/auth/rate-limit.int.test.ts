import { afterEach, describe, expect, it, vi } from "vitest";
import { handleAuthRequest } from "@/lib/auth/handler";
import { LOCK_AFTER } from "@/lib/auth/throttle";
import { createUser, uid } from "@/lib/test/fixtures";

// Sign-in throttling through the real /api/auth handler and Postgres. `x-liftoff-client-ip` is what
// scripts/serve.ts sets from the socket (tested in scripts/lib/http-edge.test.ts); X-Forwarded-For is
// whatever the client wrote.
const attempt = (email: string, password: string, socket: string, forwardedFor?: string) =>
  handleAuthRequest(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-liftoff-client-ip": socket,
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: JSON.stringify({ email, password }),
    }),
  );

const RIGHT = "test-password-123";
let addr = 0;
/** A fresh client address per call, so the per-address limit stays out of the per-account tests. */
const nextAddress = () => `198.18.${Math.floor(++addr / 250)}.${(addr % 250) + 1}`;

afterEach(() => vi.useRealTimers());

describe("per-account backoff, whatever the client's address", () => {
  it("30 wrong passwords from 30 addresses, each with its own X-Forwarded-For: throttled after 5, the right one too", async () => {
    const user = await createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(user.email, "wrong-password-x", nextAddress(), `203.0.113.${i + 1}`)).status);
    expect(statuses.slice(0, LOCK_AFTER)).toEqual(Array(LOCK_AFTER).fill(401));
    expect(statuses.slice(LOCK_AFTER)).toEqual(Array(30 - LOCK_AFTER).fill(429));
    const locked = await attempt(user.email, RIGHT, nextAddress());
    expect(locked.status).toBe(429);
    const body = await locked.json();
    expect(body.code).toBe("ACCOUNT_LOCKED");
    expect(body.message).toMatch(/Try again in \d+ seconds/);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("one account's lock never locks out another account", async () => {
    const victim = await createUser();
    const other = await createUser();
    for (let i = 0; i < LOCK_AFTER + 3; i++) await attempt(victim.email, "wrong-password-x", nextAddress());
    expect((await attempt(victim.email, RIGHT, nextAddress())).status).toBe(429);
    expect((await attempt(other.email, RIGHT, nextAddress())).status).toBe(200);
  });

  it("lets the right password in again once the backoff has passed, and then starts the count afresh", async () => {
    const user = await createUser();
    for (let i = 0; i < LOCK_AFTER; i++) expect((await attempt(user.email, "wrong-password-x", nextAddress())).status).toBe(401);
    expect((await attempt(user.email, RIGHT, nextAddress())).status).toBe(429);
    // The first lock is 30 s: move the clock past it (Date only; Postgres and timers run for real).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await attempt(user.email, RIGHT, nextAddress())).status).toBe(200);
    expect((await attempt(user.email, "wrong-password-x", nextAddress())).status).toBe(401);
    expect((await attempt(user.email, RIGHT, nextAddress())).status).toBe(200);
  });

  it("locks unknown addresses the same way, so the answer reveals nothing about which accounts exist", async () => {
    const ghost = `nobody-${uid()}@test.liftoff`;
    const statuses: number[] = [];
    for (let i = 0; i < LOCK_AFTER + 1; i++) statuses.push((await attempt(ghost, "wrong-password-x", nextAddress())).status);
    expect(statuses).toEqual([...Array(LOCK_AFTER).fill(401), 429]);
  });
});

describe("per-address limit, from the socket's address only", () => {
  it("a client cannot escape its address's limit by varying X-Forwarded-For", async () => {
    const socket = nextAddress();
    const max = Number(process.env.AUTH_RATE_LIMIT_MAX ?? 10);
    const statuses: number[] = [];
    // Different accounts each time, so only the address's bucket can say no.
    for (let i = 0; i < max + 2; i++) statuses.push((await attempt(`spray-${uid()}@test.liftoff`, "wrong-password-x", socket, `192.0.2.${i + 1}`)).status);
    expect(statuses.slice(0, max).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(max)).toEqual([429, 429]);
    // Someone else, from their own address, is untouched.
    const user = await createUser();
    expect((await attempt(user.email, RIGHT, nextAddress())).status).toBe(200);
  });

  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const user = await createUser();
    const response = await attempt(user.email, RIGHT, nextAddress());
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
