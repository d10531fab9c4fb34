import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbDigest } from "@/lib/test/db-digest";
import { createUser, type TestUser } from "@/lib/test/fixtures";

// Issue 10's fuzz, for the route handlers that take a body outside /api/v1 (app/fuzz.int.test.ts covers
// every server action, every GET route handler and every /api/v1 write): found automatically, every
// exported POST/PUT/PATCH/DELETE gets hostile bodies (NUL, control characters, wrong types, deep nesting,
// prototype keys, huge strings, broken JSON) signed out and signed in. Each must answer below 500, promptly,
// and write nothing but authentication's own bookkeeping (throttle and rate-limit rows).

const METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const SLOW_MS = 5_000;
// Catch-all segments get real sub-paths as well as junk (for /api/auth/[...all]: better-auth's endpoints).
// sign-out last: it ends the signed-in cases' session.
const CATCH_ALL = ["sign-in/email", "sign-up/email", "send-verification-email", "request-password-reset", "update-user", "change-password", "x/%00/y", "sign-out"];
const deep = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
const BODIES: { label: string; body: string; type?: string }[] = [
  { label: "NUL in every field", body: JSON.stringify({ email: "a\u0000@x.example", password: "p\u0000ssword-long", name: "N\u0000" }) },
  { label: "control and bidi characters", body: JSON.stringify({ email: "a\u0007@x.example", password: "\u202epassword-long", name: "\u0001\u001f" }) },
  { label: "wrong types", body: JSON.stringify({ email: 123, password: {}, name: ["x"], rememberMe: "yes", callbackURL: 5 }) },
  { label: "prototype keys", body: '{"email":"p@x.example","password":"short","__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},"isAdmin":true}' },
  { label: "3,000-deep nesting", body: deep(3_000) },
  { label: "15 KB string", body: JSON.stringify({ email: `${"a".repeat(15_000)}@x.example`, password: "short" }) },
  { label: "1 MB string", body: JSON.stringify({ email: "a@x.example", password: "x".repeat(1024 * 1024) }) },
  { label: "broken JSON", body: '{"email":' },
  { label: "null", body: "null" },
  { label: "array", body: "[1,2,3]" },
  { label: "empty", body: "" },
  { label: "extreme numbers", body: JSON.stringify({ email: "n@x.example", password: "short", expiresIn: 1e308, rememberMe: -1 }) },
  { label: "form body as JSON", body: "email=a%00%40x.example&password=x", type: "application/x-www-form-urlencoded" },
  { label: "text/plain", body: '{"email":"t@x.example","password":"short"}', type: "text/plain" },
];

type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

function routeFiles(dir = path.join(process.cwd(), "app", "api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "v1" ? [] : routeFiles(path.join(dir, e.name))) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

let client: pg.Client;
let user: TestUser;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  user = await createUser();
});
afterAll(() => client.end());

const digest = async () => {
  const d = await dbDigest(client);
  delete d.sign_in_throttle; // a refused sign-in attempt is counted against its account: bookkeeping, not data
  return d;
};

describe("fuzz: every route handler that takes a body (outside /api/v1)", () => {
  it("answers below 500, promptly, and writes nothing", { timeout: 300_000 }, async () => {
    const failures: { where: string; input: string; got: string }[] = [];
    const before = await digest();
    const admins = async () => (await client.query(`SELECT count(*)::int AS n FROM "user" WHERE is_admin`)).rows[0].n as number;
    const adminsBefore = await admins();
    let handlers = 0;
    let calls = 0;
    for (const file of routeFiles()) {
      const mod = (await import(/* @vite-ignore */ file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
      const rel = path.relative(path.join(process.cwd(), "app"), path.dirname(file));
      const segments = [...rel.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2], catchAll: Boolean(m[1]) }));
      const paramSets: Record<string, unknown>[] = segments.some((s) => s.catchAll)
        ? CATCH_ALL.map((p) => Object.fromEntries(segments.map((s) => [s.name, s.catchAll ? p.split("/") : "x"])))
        : [Object.fromEntries(segments.map((s) => [s.name, "x\u0000"]))];
      for (const method of METHODS) {
        const handler = mod[method];
        if (typeof handler !== "function") continue;
        handlers++;
        for (const params of paramSets) {
          const urlPath = rel.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, _d, n: string) => {
            const v = params[n];
            return Array.isArray(v) ? v.join("/") : encodeURIComponent(String(v));
          });
          for (const signedIn of [false, true]) {
            for (const b of BODIES) {
              const where = `app/${rel}/route.ts ${method} /${urlPath}${signedIn ? " (signed in)" : ""}`;
              const request = new Request(`http://localhost:3000/${urlPath}`, {
                method,
                headers: { "content-type": b.type ?? "application/json", "x-liftoff-client-ip": `203.0.113.${(calls++ % 250) + 1}`, ...(signedIn ? { cookie: user.cookie } : {}) },
                body: b.body,
              });
              try {
                const response = await Promise.race([
                  handler(request, { params: Promise.resolve(params) }),
                  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${SLOW_MS} ms`)), SLOW_MS)),
                ]);
                if (!(response instanceof Response)) failures.push({ where, input: b.label, got: "not a Response" });
                else if (response.status >= 500) failures.push({ where, input: b.label, got: `HTTP ${response.status} ${(await response.text()).slice(0, 200)}` });
                else await response.body?.cancel().catch(() => {});
              } catch (error) {
                failures.push({ where, input: b.label, got: `threw ${(error as Error).message.slice(0, 200)}` });
              }
            }
          }
        }
      }
    }
    expect(handlers).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(await digest()).toEqual(before);
    // Nobody became an admin through a prototype key.
    expect(await admins()).toBe(adminsBefore);
  });
});
