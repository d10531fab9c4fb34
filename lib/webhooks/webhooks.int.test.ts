import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Job } from "pg-boss";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createWebhookAction,
  editWebhookAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
} from "@/app/(app)/launches/[launchId]/webhooks/actions";
import { createInstanceWebhookAction, deleteInstanceWebhookAction } from "@/app/(app)/admin/webhooks/actions";
import { db } from "@/lib/db/client";
import { startWorkers } from "@/lib/jobs/boss";
import { dispatcher } from "@/lib/jobs/dispatch";
import { runLaunchCommand } from "@/lib/server/command";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { attemptDelivery, deliverWebhooks } from "./deliver";
import { webhookReactor } from "./reactor";
import { backoffMs } from "./retry";
import { MAX_ENDPOINTS_PER_LAUNCH, type WebhookEventType } from "./schema";

// Outgoing webhooks end to end against real HTTP receivers on 127.0.0.1 and the real job tables: the
// reactor turns committed events into deliveries and jobs, the worker's handler makes the attempts.

type Received = { headers: http.IncomingHttpHeaders; body: string };
type Reply = { status: number; headers?: Record<string, string> };

/** A receiver answering with `replies` in turn (the last one repeats), recording what it received. */
async function receiver(replies: Reply[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const reply = replies[Math.min(received.length - 1, replies.length - 1)];
      res.writeHead(reply.status, reply.headers ?? {}).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}
const servers: http.Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

let manager: TestUser;
let engineer: TestUser;
let launchId: string;

beforeAll(async () => {
  manager = await createUser();
  engineer = await createUser();
});

beforeEach(async () => {
  launchId = (await createTestLaunch(manager, [[engineer, "ENGINEER"]])).id;
  process.env.LIFTOFF_WEBHOOKS_ALLOW_PRIVATE = "1"; // the receivers listen on loopback
  actAs(manager);
});
afterAll(() => void delete process.env.LIFTOFF_WEBHOOKS_ALLOW_PRIVATE);

async function createEndpoint(url: string, eventTypes: WebhookEventType[] = ["launch.updated"], format: "STANDARD" | "SLACK" | "TEAMS" = "STANDARD") {
  const result = await createWebhookAction({ launchId, url, eventTypes, format, description: "CI" });
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/** A committed change emitting launch.updated; `fail` rolls it back. */
const change = (description: string, fail = false) =>
  runLaunchCommand(manager.actor, launchId, "launch.edit", async ({ tx, emit }) => {
    await tx.launch.update({ where: { id: launchId }, data: { description } });
    emit({ type: "launch.updated", payload: { fields: ["description"] } });
    if (fail) throw new Error("boom");
  });

/** Runs the dispatch worker's body on these events, as the events.dispatch job would. */
const dispatch = (eventIds: string[]) => dispatcher([webhookReactor])([{ data: { launchId, eventIds } } as unknown as Job<object>]);

const deliveriesOf = (endpointId: string) => db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" }, include: { attemptLog: { orderBy: { number: "asc" } } } });
const deliverJobs = (deliveryId: string) =>
  db.$queryRaw<{ data: { deliveryId: string; attempt: number }; start_after: Date; created_on: Date }[]>`
    SELECT data, start_after, created_on FROM pgboss.job WHERE name = 'webhook.deliver' AND data->>'deliveryId' = ${deliveryId} ORDER BY created_on`;

describe("webhook delivery", () => {
  it("signs deliveries so that the reference library verifies them, and a retried dispatch sends once", async () => {
    const rx = await receiver([{ status: 204 }]);
    const { id, secret } = await createEndpoint(rx.url);
    expect(secret).toMatch(/^whsec_/);
    const { eventIds } = await change("signed");
    await dispatch(eventIds);
    await dispatch(eventIds); // a retried dispatch job
    const [delivery, ...more] = await deliveriesOf(id);
    expect(more).toHaveLength(0);
    expect(await deliverJobs(delivery.id)).toHaveLength(1);

    expect(await attemptDelivery({ deliveryId: delivery.id, attempt: 1 })).toMatchObject({ kind: "delivered", status: 204 });
    expect(rx.received).toHaveLength(1);
    const { headers, body } = rx.received[0];
    expect(headers["webhook-id"]).toBe(`msg_${delivery.id}`);
    expect(headers["content-type"]).toBe("application/json");
    const verified = new Webhook(secret).verify(body, headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "launch.updated", data: { launchId, eventId: eventIds[0], fields: ["description"] } });
    expect(body).not.toContain(secret);

    // The same job again (pg-boss retried it after a crash): nothing more is sent.
    expect(await attemptDelivery({ deliveryId: delivery.id, attempt: 1 })).toMatchObject({ kind: "skipped" });
    expect(rx.received).toHaveLength(1);
    const [after] = await deliveriesOf(id);
    expect(after).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatus: 204 });
    expect(after.attemptLog.map((a) => a.statusCode)).toEqual([204]);
  });

  it("signs with the old and the new secret after a rotation", async () => {
    const rx = await receiver([{ status: 200 }]);
    const { id, secret: old } = await createEndpoint(rx.url);
    const rotated = await rotateWebhookSecretAction({ launchId, endpointId: id });
    if (!rotated.ok) throw new Error(rotated.error);
    expect(rotated.data.secret).not.toBe(old);
    const ping = await sendWebhookTestAction({ launchId, endpointId: id });
    if (!ping.ok) throw new Error(ping.error);
    expect(await attemptDelivery({ deliveryId: ping.data.deliveryId, attempt: 1 })).toMatchObject({ kind: "delivered" });
    const { headers, body } = rx.received[0];
    expect(String(headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [rotated.data.secret, old]) expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toMatchObject({ type: "webhook.test" });
    // No event or log row carries a secret.
    const events = await db.event.findMany({ where: { launchId, type: { startsWith: "webhook." } } });
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(rotated.data.secret.slice(6, 20));
  });

  it("503, then 429 with Retry-After: 1, then 204: three attempts at the expected times, then delivered", async () => {
    const rx = await receiver([{ status: 503 }, { status: 429, headers: { "retry-after": "1" } }, { status: 204 }]);
    const { id } = await createEndpoint(rx.url);
    await dispatch((await change("flaky")).eventIds);
    const [delivery] = await deliveriesOf(id);

    const first = await attemptDelivery({ deliveryId: delivery.id, attempt: 1 });
    expect(first).toMatchObject({ kind: "retry", status: 503 });
    const second = await attemptDelivery({ deliveryId: delivery.id, attempt: 2 });
    expect(second).toMatchObject({ kind: "retry", status: 429 });
    const third = await attemptDelivery({ deliveryId: delivery.id, attempt: 3 });
    expect(third).toMatchObject({ kind: "delivered", status: 204 });
    expect(await attemptDelivery({ deliveryId: delivery.id, attempt: 4 })).toMatchObject({ kind: "skipped" });

    const [done] = await deliveriesOf(id);
    expect(done).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatus: 204, nextAttemptAt: null });
    expect(done.attemptLog.map((a) => [a.number, a.statusCode])).toEqual([[1, 503], [2, 429], [3, 204]]);
    const [a1, a2, a3] = done.attemptLog;
    expect(a1.nextAttemptAt!.getTime() - a1.at.getTime()).toBe(backoffMs(1)); // no Retry-After: backoff
    expect(a2.nextAttemptAt!.getTime() - a2.at.getTime()).toBe(1000); // Retry-After: 1
    expect(a3.nextAttemptAt).toBeNull();
    expect(rx.received.map((r) => r.headers["webhook-id"])).toEqual(Array(3).fill(`msg_${delivery.id}`));

    // Each follow-up attempt is a job due at the attempt's next time.
    const jobs = await deliverJobs(delivery.id);
    expect(jobs.map((j) => j.data.attempt)).toEqual([1, 2, 3]);
    expect(jobs[1].start_after.getTime()).toBe(a1.nextAttemptAt!.getTime());
    expect(jobs[2].start_after.getTime()).toBe(a2.nextAttemptAt!.getTime());
  });

  it("the issue's sequence 503, 429 with Retry-After, 410, 204: three attempts, then stopped before the 204", async () => {
    const rx = await receiver([{ status: 503 }, { status: 429, headers: { "retry-after": "1" } }, { status: 410 }, { status: 204 }]);
    const { id } = await createEndpoint(rx.url);
    await dispatch((await change("issue sequence")).eventIds);
    const [delivery] = await deliveriesOf(id);
    const kinds = [];
    for (let n = 1; n <= 4; n++) kinds.push((await attemptDelivery({ deliveryId: delivery.id, attempt: n })).kind);
    expect(kinds).toEqual(["retry", "retry", "gone", "skipped"]);
    expect(rx.received).toHaveLength(3);
    const [done] = await deliveriesOf(id);
    expect(done).toMatchObject({ status: "FAILED", attempts: 3, lastStatus: 410, nextAttemptAt: null });
    expect(done.attemptLog.map((a) => [a.number, a.statusCode, a.nextAttemptAt === null])).toEqual([[1, 503, false], [2, 429, false], [3, 410, true]]);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: false, disabledReason: "410 Gone" });
    expect((await deliverJobs(delivery.id)).map((j) => j.data.attempt)).toEqual([1, 2, 3]);
  });

  it("410 disables the endpoint and stops; later events are not delivered to it", async () => {
    const rx = await receiver([{ status: 410 }]);
    const { id } = await createEndpoint(rx.url);
    await dispatch((await change("gone")).eventIds);
    await dispatch((await change("gone again")).eventIds);
    const [first, second] = await deliveriesOf(id);
    expect(await attemptDelivery({ deliveryId: first.id, attempt: 1 })).toMatchObject({ kind: "gone", status: 410, nextAttemptAt: null });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: false, disabledReason: "410 Gone" });
    // Audited, with the receiver's reason and no person as the actor.
    const disabled = await db.event.findMany({ where: { launchId, type: "webhook.disabled" } });
    expect(disabled).toEqual([expect.objectContaining({ actorId: null, payload: { endpointId: id, host: new URL(rx.url).host, fields: ["enabled"], version: 2, reason: "410 Gone" } })]);
    expect(await deliverJobs(first.id)).toHaveLength(1); // no retry
    // The already queued second message is cancelled, not sent.
    expect(await attemptDelivery({ deliveryId: second.id, attempt: 1 })).toEqual({ kind: "cancelled" });
    expect(rx.received).toHaveLength(1);
    await dispatch((await change("after gone")).eventIds);
    expect(await deliveriesOf(id)).toHaveLength(2);
    const [gone] = await deliveriesOf(id);
    expect(gone).toMatchObject({ status: "FAILED", lastStatus: 410 });
  });

  it("a rolled-back change enqueues nothing", async () => {
    const rx = await receiver([{ status: 204 }]);
    const { id } = await createEndpoint(rx.url);
    const dispatchJobs = () => db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'events.dispatch' AND data->>'launchId' = ${launchId}`;
    const before = (await dispatchJobs())[0].n;
    await expect(change("rolled back", true)).rejects.toThrow("boom");
    expect((await dispatchJobs())[0].n).toBe(before);
    expect(await db.event.count({ where: { launchId, type: "launch.updated" } })).toBe(0);
    expect(await deliveriesOf(id)).toHaveLength(0);
  });

  it("gives up after the retry limit and a manager can resend with the same message id", async () => {
    const rx = await receiver([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 200 }]);
    const { id } = await createEndpoint(rx.url);
    await dispatch((await change("limit")).eventIds);
    const [delivery] = await deliveriesOf(id);
    const kinds: string[] = [];
    for (let n = 1; n <= 8; n++) kinds.push((await attemptDelivery({ deliveryId: delivery.id, attempt: n })).kind);
    expect(kinds).toEqual([...Array(7).fill("retry"), "failed"]);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "FAILED", attempts: 8 });

    actAs(engineer);
    expect(await resendWebhookDeliveryAction({ launchId, deliveryId: delivery.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(manager);
    expect(await resendWebhookDeliveryAction({ launchId, deliveryId: delivery.id })).toMatchObject({ ok: true });
    expect(await resendWebhookDeliveryAction({ launchId, deliveryId: delivery.id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await attemptDelivery({ deliveryId: delivery.id, attempt: 9 })).toMatchObject({ kind: "delivered", status: 200 });
    expect(new Set(rx.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([`msg_${delivery.id}`]));
  });

  it("runs end to end through the job workers", async () => {
    const rx = await receiver([{ status: 202 }]);
    const { secret } = await createEndpoint(rx.url, ["launch.updated"], "SLACK");
    // The backlog-clearing trick of lib/jobs/dispatch.int.test.ts: other files' jobs are not this test's.
    await db.$executeRaw`
      UPDATE pgboss.job SET state = 'completed', completed_on = now()
      WHERE name IN ('events.dispatch', 'webhook.deliver') AND state IN ('created', 'retry')`;
    const stop = await startWorkers(process.env.DATABASE_URL!, {
      "events.dispatch": { handler: dispatcher([webhookReactor]), batchSize: 100, pollingIntervalSeconds: 0.5 },
      "webhook.deliver": { handler: deliverWebhooks, pollingIntervalSeconds: 0.5 },
    });
    try {
      await change("through the workers");
      for (let i = 0; i < 400 && rx.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(rx.received).toHaveLength(1);
      const body = JSON.parse(rx.received[0].body);
      expect(body.text).toContain("Launch updated");
      expect(body.blocks[0].type).toBe("section");
      expect(() => new Webhook(secret).verify(rx.received[0].body, rx.received[0].headers as Record<string, string>)).not.toThrow();
    } finally {
      await stop();
    }
  });
});

describe("managing webhooks", () => {
  it("refuses private, loopback and link-local targets unless the instance allows them", async () => {
    process.env.LIFTOFF_WEBHOOKS_ALLOW_PRIVATE = "0";
    for (const url of [
      "http://127.0.0.1:9/hook",
      "http://10.1.2.3/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]:9/hook",
      "http://[::ffff:127.0.0.1]:9/hook",
      "http://localhost:9/hook",
      "http://2130706433/hook", // 127.0.0.1 written as a number
    ]) {
      const result = await createWebhookAction({ launchId, url, eventTypes: ["go.decided"] });
      expect({ url, result }).toMatchObject({ url, result: { ok: false, code: "VALIDATION", fieldErrors: { url: [expect.stringMatching(/private or internal/)] } } });
    }
    for (const url of ["ftp://example.com/x", "file:///etc/passwd", "https://user:pw@example.com/"]) {
      expect(await createWebhookAction({ launchId, url, eventTypes: ["go.decided"] })).toMatchObject({ ok: false, code: "VALIDATION" });
    }
    expect(await db.webhookEndpoint.count({ where: { launchId } })).toBe(0);
  });

  it("refuses a private target again at delivery time", async () => {
    const rx = await receiver([{ status: 204 }]);
    const { id } = await createEndpoint(rx.url); // allowed while the instance allowed private targets
    await dispatch((await change("then forbidden")).eventIds);
    process.env.LIFTOFF_WEBHOOKS_ALLOW_PRIVATE = "0";
    const [delivery] = await deliveriesOf(id);
    expect(await attemptDelivery({ deliveryId: delivery.id, attempt: 1 })).toMatchObject({ kind: "refused" });
    expect(rx.received).toHaveLength(0);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/private or internal/) });
    // Nor can it be turned back on while its address is refused.
    expect(await setWebhookEnabledAction({ launchId, endpointId: id, enabled: false })).toMatchObject({ ok: true });
    expect(await setWebhookEnabledAction({ launchId, endpointId: id, enabled: true })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { url: [expect.stringMatching(/private or internal/)] } });
  });

  it("refuses a stale edit with a CONFLICT naming what changed", async () => {
    const rx = await receiver([{ status: 204 }]);
    const { id } = await createEndpoint(rx.url);
    const base = { launchId, endpointId: id, url: rx.url, description: "CI", eventTypes: ["launch.updated"] as WebhookEventType[], format: "STANDARD" as const };
    const first = await editWebhookAction({ ...base, version: 1, url: `${rx.url}?v=2`, eventTypes: ["launch.updated", "go.decided"] });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await editWebhookAction({ ...base, version: 1, description: "Mine" });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, url: `${rx.url}?v=2` } });
    expect(!stale.ok && stale.error).toMatch(/its URL and events/);
    const off = await setWebhookEnabledAction({ launchId, endpointId: id, enabled: false });
    expect(off).toMatchObject({ ok: true, data: { version: 3, enabled: false } });
    const stale2 = await editWebhookAction({ ...base, version: 2, description: "Mine" });
    expect(!stale2.ok && stale2.error).toMatch(/its on\/off state/);
    expect(await editWebhookAction({ ...base, version: 3, description: "Mine" })).toMatchObject({ ok: true, data: { version: 4 } });
  });

  it("is for managers only, and audited without URLs' paths or secrets", async () => {
    const rx = await receiver([{ status: 204 }]);
    actAs(engineer);
    expect(await createWebhookAction({ launchId, url: rx.url, eventTypes: ["go.decided"] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(manager);
    const { id } = await createEndpoint(`${rx.url}/T000/B000/XXXXsecretpath`);
    const created = await db.event.findFirstOrThrow({ where: { launchId, type: "webhook.created" } });
    expect(created.payload).toMatchObject({ endpointId: id, host: new URL(rx.url).host });
    expect(JSON.stringify(created.payload)).not.toContain("secretpath");
    expect(await createWebhookAction({ launchId, url: rx.url, eventTypes: ["webhook.created" as never] })).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("holds a launch to its webhook limit when managers add them at the same moment", async () => {
    const rx = await receiver([{ status: 204 }]);
    for (let i = 0; i < MAX_ENDPOINTS_PER_LAUNCH - 2; i++) await createEndpoint(`${rx.url}/${i}`);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => createWebhookAction({ launchId, url: `${rx.url}/race-${i}`, eventTypes: ["go.decided"] })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ code: "VALIDATION", error: expect.stringMatching(/at most 10 webhooks/) });
    expect(await db.webhookEndpoint.count({ where: { launchId } })).toBe(MAX_ENDPOINTS_PER_LAUNCH);
  });

  it("instance-wide webhooks: admins only, and they receive every launch's events", async () => {
    const rx = await receiver([{ status: 204 }]);
    expect(await createInstanceWebhookAction({ url: rx.url, eventTypes: ["launch.updated"] })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const admin = await createUser({ isAdmin: true });
    actAs(admin);
    const created = await createInstanceWebhookAction({ url: rx.url, eventTypes: ["launch.updated"] });
    if (!created.ok) throw new Error(created.error);
    const audit = await db.event.findFirstOrThrow({ where: { type: "webhook.created", payload: { path: ["endpointId"], equals: created.data.id } } });
    expect(audit).toMatchObject({ launchId: null, actorId: admin.id });
    try {
      actAs(manager);
      const own = await createEndpoint(rx.url);
      await dispatch((await change("seen by both")).eventIds);
      expect(await deliveriesOf(own.id)).toHaveLength(1);
      const [wide] = await deliveriesOf(created.data.id);
      expect(await attemptDelivery({ deliveryId: wide.id, attempt: 1 })).toMatchObject({ kind: "delivered" });
      expect(new Webhook(created.data.secret).verify(rx.received[0].body, rx.received[0].headers as Record<string, string>)).toMatchObject({ data: { launchId } });
      // A launch's manager cannot touch the instance's webhook through the launch's actions.
      expect(await rotateWebhookSecretAction({ launchId, endpointId: created.data.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    } finally {
      actAs(admin);
      expect(await deleteInstanceWebhookAction({ endpointId: created.data.id })).toMatchObject({ ok: true });
    }
  });
});
