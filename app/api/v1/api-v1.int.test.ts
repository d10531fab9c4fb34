import pg from "pg";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_SCOPES, type ApiScope } from "@/lib/api-tokens/api-token.schema";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api-tokens/tokens";
import { MAX_BODY_BYTES } from "@/lib/api/v1/body";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { operations } from "@/lib/api/v1/operations";
import { db } from "@/lib/db/client";
import { createInvitation } from "@/lib/launches/invitations";
import { callV1, createTestToken, v1Routes, type V1Route } from "@/lib/test/api";
import { dbDigest } from "@/lib/test/db-digest";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { addStreamAction, addTaskAction, createRunbookAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { universalInput } from "@/lib/test/universal-input";

// Issue 14: every /api/v1 route, found from the file system like the server-action sweep, refuses a
// token outside its launches, scopes, lifetime or revocation, and writes nothing when it refuses. The
// user owning the tokens manages BOTH launches: only the token's scope keeps B out of reach.

// A valid body per write operation; a new write route without one here fails the sweep.
const BODIES: Record<string, unknown> = {
  changeItemStatus: { status: "IN_PROGRESS" },
  addItemComment: { body: "From the pipeline" },
  startRunbookTask: {},
  finishRunbookTask: {},
};

let client: pg.Client;
let owner: TestUser;
let launchA: string;
let launchB: string;
let itemA: string;
let itemB: string;
let routes: V1Route[];
let full: string;

const opOf = (route: V1Route, method: string) => operations.find((o) => o.path === route.path && o.method === method);
const isProblem = (r: { status: number; headers: Headers; json: Record<string, unknown>; text?: string }, status: number) => {
  expect(r.headers.get("content-type"), `${r.status} ${r.text?.slice(0, 300)}`).toMatch(/^application\/problem\+json/);
  expect(r.json).toMatchObject({ status, type: expect.stringMatching(/^https:\/\//), title: expect.any(String), detail: expect.any(String) });
  expect(r.status).toBe(status);
};

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  owner = await createUser();
  const engineer = await createUser();
  const approver = await createUser();
  launchA = (await createTestLaunch(owner, [[engineer, "ENGINEER"], [approver, "APPROVER"]])).id;
  launchB = (await createTestLaunch(owner, [[engineer, "ENGINEER"], [approver, "APPROVER"]])).id;
  itemA = String((await universalInput(launchA, { engineer, approver, manager: owner })).itemId);
  itemB = String((await universalInput(launchB, { engineer, approver, manager: owner })).itemId);
  routes = (await v1Routes()).filter((r) => r.path !== "/openapi.json");
  full = (await createTestToken(owner, [launchA], [...API_SCOPES])).token;
}, 60_000);
afterAll(() => client.end());

describe("/api/v1 sweep: every route refuses what the token does not cover", () => {
  it("finds the routes and an operation for each", () => {
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const r of routes) for (const m of r.methods) expect(opOf(r, m), `${m} ${r.path}`).toBeDefined();
  });

  it("refuses no token, a revoked, an expired and a malformed one with 401, writing nothing", async () => {
    const revoked = (await createTestToken(owner, [launchA], [...API_SCOPES], { revoked: true })).token;
    const expired = (await createTestToken(owner, [launchA], [...API_SCOPES], { expired: true })).token;
    const before = await dbDigest(client);
    for (const r of routes) {
      for (const m of r.methods) {
        const body = BODIES[opOf(r, m)!.id];
        for (const token of [undefined, revoked, expired, "lft_" + "x".repeat(43), "not-a-token"]) {
          const res = await callV1(r, m, { launchId: launchA, itemId: itemA }, { token, body });
          isProblem(res, 401);
          expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
        }
      }
    }
    expect(await dbDigest(client)).toEqual(before);
  });

  it("answers 404 for launch B (which the owner manages) and for B's item under A, writing nothing", async () => {
    const before = await dbDigest(client);
    let covered = 0;
    for (const r of routes) {
      for (const m of r.methods) {
        const body = BODIES[opOf(r, m)!.id];
        if (m !== "GET") expect(body, `a sample body for ${m} ${r.path}`).toBeDefined();
        if (r.params.includes("launchId")) {
          isProblem(await callV1(r, m, { launchId: launchB, itemId: itemB }, { token: full, body }), 404);
          covered++;
        }
        if (r.params.includes("itemId")) isProblem(await callV1(r, m, { launchId: launchA, itemId: itemB }, { token: full, body }), 404);
        if (r.params.length === 0) {
          const res = await callV1(r, m, {}, { token: full, body });
          expect(res.status).toBe(200);
          expect(JSON.stringify(res.json)).not.toContain(launchB);
        }
      }
    }
    expect(covered).toBeGreaterThanOrEqual(8);
    expect(await dbDigest(client)).toEqual(before);
  });

  it("answers 403 on launch A to a token without the operation's scope, writing nothing", async () => {
    const others = new Map<ApiScope, string>();
    for (const scope of API_SCOPES) others.set(scope, (await createTestToken(owner, [launchA], API_SCOPES.filter((s) => s !== scope))).token);
    const before = await dbDigest(client);
    for (const r of routes) {
      for (const m of r.methods) {
        const op = opOf(r, m)!;
        const res = await callV1(r, m, { launchId: launchA, itemId: itemA }, { token: others.get(op.scope), body: BODIES[op.id] });
        isProblem(res, 403);
        expect(res.json.detail).toContain(op.scope);
      }
    }
    expect(await dbDigest(client)).toEqual(before);
  });

  it("lets the full token read every route of launch A", async () => {
    for (const r of routes) {
      if (!r.methods.includes("GET")) continue;
      const res = await callV1(r, "GET", { launchId: launchA, itemId: itemA }, { token: full });
      expect({ path: r.path, status: res.status }).toEqual({ path: r.path, status: 200 });
    }
  });
});

describe("/api/v1 writes", () => {
  const statusRoute = () => routes.find((r) => r.path.endsWith("/status"))!;
  const params = () => ({ launchId: launchA, itemId: itemA });

  it("ticks a check with a CI link through the one write path (audited as the token's owner)", async () => {
    const res = await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "DONE", evidenceLinks: ["https://ci.example.com/run/1"] } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: itemA, status: "DONE", evidenceLinks: expect.arrayContaining(["https://ci.example.com/run/1"]) });
    const events = (await eventsOf(launchA)).slice(-2);
    expect(events.map((e) => [e.type, e.actorId])).toEqual([["item.evidence_changed", owner.id], ["item.status_changed", owner.id]]);
  });

  it("makes a retried write with the same Idempotency-Key one change, and refuses the key for another body", async () => {
    const headers = { "idempotency-key": `ci-job-${Date.now()}` };
    const body = { status: "IN_PROGRESS" };
    const changes = async () => (await eventsOf(launchA)).filter((e) => e.type === "item.status_changed").length;
    const before = await changes();
    const first = await callV1(statusRoute(), "POST", params(), { token: full, body, headers });
    const again = await callV1(statusRoute(), "POST", params(), { token: full, body, headers });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    // The item moves on; the replay still answers the first result and changes nothing.
    await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "TODO" } });
    const third = await callV1(statusRoute(), "POST", params(), { token: full, body, headers });
    expect(third.json).toEqual(first.json);
    expect((await db.checklistItem.findUniqueOrThrow({ where: { id: itemA } })).status).toBe("TODO");
    expect(await changes()).toBe(before + 2);
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "DONE" }, headers }), 422);
  });

  it("makes two concurrent requests with one key one change", async () => {
    const headers = { "idempotency-key": `race-${Date.now()}` };
    const before = (await eventsOf(launchA)).length;
    const answers = await Promise.all([0, 1].map(() => callV1(statusRoute(), "POST", params(), { token: full, body: { status: "IN_PROGRESS" }, headers })));
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([200]));
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect((await eventsOf(launchA)).length).toBe(before + 1);
  });

  it("answers problem+json for malformed, invalid, oversized and non-JSON bodies, writing nothing", async () => {
    const before = await dbDigest(client);
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, rawBody: "{not json" }), 400);
    const invalid = await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "FINISHED", evidenceLinks: ["javascript:alert(1)"] } });
    isProblem(invalid, 422);
    expect(Object.keys(invalid.json.errors as object)).toEqual(expect.arrayContaining(["status", "evidenceLinks.0"]));
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "DONE", extra: 1 } }), 422);
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, rawBody: JSON.stringify({ status: "DONE", evidenceNote: "x".repeat(MAX_BODY_BYTES) }) }), 413);
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, rawBody: "status=DONE", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415);
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "IN_PROGRESS" }, headers: { "idempotency-key": "bad key with spaces" } }), 400);
    isProblem(await callV1(statusRoute(), "POST", params(), { token: full, body: { status: "DONE", version: 1 } }), 409);
    expect(await dbDigest(client)).toEqual(before);
  });

  it("keeps the domain's own authorization: a viewer's token cannot tick checks whatever its scopes", async () => {
    const viewer = await createUser();
    await db.member.create({ data: { launchId: launchA, userId: viewer.id, role: "VIEWER" } });
    const token = (await createTestToken(viewer, [launchA], [...API_SCOPES])).token;
    const before = await dbDigest(client);
    isProblem(await callV1(statusRoute(), "POST", params(), { token, body: { status: "DONE" } }), 403);
    expect(await dbDigest(client)).toEqual(before);
  });

  it("refuses a token past its per-minute limit with 429 and Retry-After", async () => {
    const { id, token } = await createTestToken(owner, [launchA], ["read"]);
    const route = routes.find((r) => r.path === "/launches/{launchId}")!;
    expect((await callV1(route, "GET", params(), { token })).status).toBe(200);
    await db.apiTokenUsage.update({ where: { tokenId: id }, data: { count: API_RATE_LIMIT_PER_MINUTE } });
    const res = await callV1(route, "GET", params(), { token });
    isProblem(res, 429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("/api/v1 runbook", () => {
  it("starts and finishes a task through the runbook's own command; a repeated opId is one change", async () => {
    actAs(owner);
    const done = <T,>(r: { ok: boolean; data?: T }) => {
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return r.data as T;
    };
    // The sweep's fixtures may have made one already.
    if (!(await db.runbook.findUnique({ where: { launchId: launchA } }))) done(await createRunbookAction({ launchId: launchA, templateKey: "blank" }));
    const stream = done<{ id: string }>(await addStreamAction({ launchId: launchA, name: "App" }));
    const task = done<{ id: string }>(await addTaskAction({ launchId: launchA, streamId: stream.id, title: "Deploy", durationMin: 30, assigneeIds: [owner.id] }));
    const read = async () => (await callV1(routes.find((r) => r.path.endsWith("/runbook"))!, "GET", { launchId: launchA }, { token: full })).json as unknown as {
      currentRunId: string;
      tasks: { id: string; status: string }[];
    };
    const runId = (await read()).currentRunId;
    const params = { launchId: launchA, runId, taskId: task.id };
    const start = routes.find((r) => r.path.endsWith("/start"))!;
    const finish = routes.find((r) => r.path.endsWith("/finish"))!;
    expect((await callV1(start, "POST", params, { token: full, body: {} })).json).toMatchObject({ taskId: task.id, status: "RUNNING" });
    const opId = `pipeline-${Date.now()}`;
    const first = (await callV1(finish, "POST", params, { token: full, body: { opId } })).json;
    expect(first).toMatchObject({ status: "DONE" });
    expect((await callV1(finish, "POST", params, { token: full, body: { opId } })).json).toEqual(first);
    expect((await read()).tasks.find((t) => t.id === task.id)?.status).toBe("DONE");
    const types = (await eventsOf(launchA)).map((e) => e.type);
    expect(types.filter((t) => t === "runbook.task_finished")).toHaveLength(1);
  });
});

describe("/api/v1 events", () => {
  it("pages through the audit trail with a cursor, oldest first, none skipped or repeated", async () => {
    const route = routes.find((r) => r.path.endsWith("/events"))!;
    const all = (await eventsOf(launchA)).map((e) => e.id.toString());
    const seen: string[] = [];
    let after = "";
    for (let i = 0; i < 100; i++) {
      const res = await callV1(route, "GET", { launchId: launchA }, { token: full, query: `limit=2${after ? `&after=${after}` : ""}` });
      expect(res.status).toBe(200);
      const page = res.json as unknown as { events: { id: string }[]; nextCursor: string; hasMore: boolean };
      seen.push(...page.events.map((e) => e.id));
      after = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(all);
    isProblem(await callV1(route, "GET", { launchId: launchA }, { token: full, query: "after=abc" }), 422);
  });

  it("names an invited address to a manager's token only, as the activity list does", async () => {
    const route = routes.find((r) => r.path.endsWith("/events"))!;
    const engineer = await createUser();
    const launchId = (await createTestLaunch(owner, [[engineer, "ENGINEER"]])).id;
    const email = `invitee-${Date.now()}@test.liftoff`;
    await createInvitation(owner.actor, { launchId, email, role: "VIEWER" });
    const read = async (user: TestUser) => {
      const token = (await createTestToken(user, [launchId], ["read"])).token;
      const res = await callV1(route, "GET", { launchId }, { token, query: "limit=100" });
      expect(res.status).toBe(200);
      return JSON.stringify(res.json);
    };
    expect(await read(owner)).toContain(email);
    const asEngineer = await read(engineer);
    expect(asEngineer).toContain("invitation.created");
    expect(asEngineer).not.toContain(email);
  });
});

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document (independent validator)", async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(openApiDocument())));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("describes every route file under app/api/v1 and nothing else", async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const fromFiles = (await v1Routes()).flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
    const fromDoc = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(fromDoc).toEqual(fromFiles);
  });

  it("is served at /api/v1/openapi.json without a token", async () => {
    const route = (await v1Routes()).find((r) => r.path === "/openapi.json")!;
    const res = await callV1(route, "GET", {});
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ openapi: "3.1.0" });
  });
});
