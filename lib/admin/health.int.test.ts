import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrations";
import { enqueueNow } from "@/lib/jobs/boss";
import { listenerStatus } from "@/lib/live/listener";
import { createLaunchStream } from "@/lib/live/stream";
import { runLaunchCommand } from "@/lib/server/command";
import { createTestLaunch, createUser, uid } from "@/lib/test/fixtures";
import { readSse } from "@/lib/test/sse";
import { databaseHealth, migrationHealth, queueHealth, readInstanceHealth } from "./health";

// The instance health page's readings, against the real database of this run.

const digestQueue = async () => (await queueHealth()).queues.find((q) => q.queue === "notify.digest")!;

describe("instance health", () => {
  it("is for instance admins only", async () => {
    const user = await createUser();
    await expect(readInstanceHealth(user.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reads the database: reachable, its server version and a select 1 round trip", async () => {
    const database = await databaseHealth();
    expect(database).toMatchObject({ reachable: true, serverVersion: expect.stringMatching(/^\d+(\.\d+)?/) });
    expect(database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("finds every migration on disk applied, and flags one that started and never finished", async () => {
    const ok = await migrationHealth();
    expect(ok).toMatchObject({ level: "ok", onDisk: readMigrations().length, applied: readMigrations().length, pending: [], failed: [], modified: [] });

    const name = `29991231000000_crashed_${uid()}`;
    await db.$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES (${uid()}, 'x', ${name}, now())`;
    try {
      expect(await migrationHealth()).toMatchObject({ level: "warning", failed: [name], note: expect.stringContaining("1 failed") });
    } finally {
      await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    }
  });

  it("counts jobs per queue: ready, scheduled for later and failed, and warns on a job stuck waiting", async () => {
    const before = await digestQueue();
    const [ready, later] = await Promise.all([
      enqueueNow("notify.digest", { health: uid() }),
      enqueueNow("notify.digest", { health: uid() }, { startAfter: new Date(Date.now() + 3_600_000) }),
    ]);
    expect(await digestQueue()).toMatchObject({ queued: before.queued + 1, scheduled: before.scheduled + 1 });

    // The same job, seen an hour later with no worker having taken it: stuck.
    const inAnHour = await queueHealth(new Date(Date.now() + 3_600_000 - 60_000));
    expect(inAnHour).toMatchObject({ level: "warning", note: expect.stringContaining("notify.digest") });

    await db.$executeRaw`UPDATE pgboss.job SET state = 'failed' WHERE id = ${ready}::uuid`;
    expect(await digestQueue()).toMatchObject({ queued: before.queued, failed: before.failed + 1 });
    expect((await queueHealth()).level).toBe("warning");
    await db.$executeRaw`DELETE FROM pgboss.job WHERE id IN (${ready}::uuid, ${later}::uuid)`;
  });

  it("reports this instance's listener: up once a stream opens, with the streams it serves and the events it relayed", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const before = listenerStatus();
    const abort = new AbortController();
    const messages = readSse(createLaunchStream({ launchId: launch.id, userId: manager.id, isAdmin: false, after: 0n, signal: abort.signal }));
    await expect.poll(() => listenerStatus().streams).toBe(before.streams + 1);
    const up = listenerStatus();
    expect(up).toMatchObject({ state: "listening", instanceId: expect.any(String), listeningSince: expect.any(Date) });

    // The stream replays the launch's history itself; an event committed while it subscribes may come that
    // way too. Once it has caught up, the next change is relayed by the listener.
    await expect.poll(() => messages.some((m) => m.event === "hello")).toBe(true);
    const edit = () =>
      runLaunchCommand(manager.actor, launch.id, "launch.edit", async ({ tx, emit }) => {
        await tx.launch.update({ where: { id: launch.id }, data: { description: `health check ${uid()}` } });
        emit({ type: "launch.updated", payload: { fields: ["description"] } });
      });
    await expect
      .poll(async () => {
        await edit();
        return listenerStatus().eventsRelayed;
      }, { interval: 500, timeout: 10_000 })
      .toBeGreaterThan(up.eventsRelayed);

    abort.abort();
    await expect.poll(() => listenerStatus().streams).toBe(before.streams);
    expect(listenerStatus().state).toBe("listening");
  });

  it("gathers everything for an admin, with the time it was read", async () => {
    const admin = await createUser({ isAdmin: true });
    const at = new Date();
    const health = await readInstanceHealth(admin.actor, at);
    expect(health).toMatchObject({ readAt: at, database: { level: "ok", reachable: true }, migrations: { level: "ok" }, webhooks: { pending: expect.any(Number) } });
    expect(health.queues.queues.map((q) => q.queue)).toEqual(expect.arrayContaining(["events.dispatch", "mail.send", "webhook.deliver"]));
  });
});
