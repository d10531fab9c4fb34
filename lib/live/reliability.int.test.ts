import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrations";
import { changeIds, readSse, until } from "@/lib/test/sse";
import { ensureDatabase, startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";

// The live path under failure, on a Postgres cluster of this file's own so it can be restarted:
// the listener's backend is killed, then the whole server restarts, while a writer keeps committing.
// Every acknowledged change must reach the stream exactly once, in order, soon after recovery.

type Server = Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let server: Server;
let dir: string;
let mod: {
  fixtures: typeof import("@/lib/test/fixtures");
  command: typeof import("@/lib/server/command");
  stream: typeof import("@/lib/live/stream");
  listener: typeof import("@/lib/live/listener");
  db: typeof import("@/lib/db/client");
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "liftoff-live-pg-"));
  chmodSync(dir, 0o755);
  server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), quiet: true });
  await ensureDatabase(server.pg, "liftoff_test_live");
  const url = server.url("liftoff_test_live");
  await migrate(url);
  // Everything imported from here on talks to this cluster (modules are isolated per test file).
  process.env.DATABASE_URL = url;
  mod = {
    fixtures: await import("@/lib/test/fixtures"),
    command: await import("@/lib/server/command"),
    stream: await import("@/lib/live/stream"),
    listener: await import("@/lib/live/listener"),
    db: await import("@/lib/db/client"),
  };
}, 60_000);

afterAll(async () => {
  await mod?.db.db.$disconnect();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  const manager = await mod.fixtures.createUser();
  const launch = await mod.fixtures.createTestLaunch(manager);
  const abort = new AbortController();
  const messages = readSse(
    mod.stream.createLaunchStream({ launchId: launch.id, userId: manager.id, isAdmin: false, after: 0n, signal: abort.signal }),
  );
  const received = { get length() { return changeIds(messages).length; }, ids: () => changeIds(messages) };
  // Let the stream subscribe before writing.
  await new Promise((r) => setTimeout(r, 300));
  const acknowledged: string[] = [];
  const write = async (n: number) => {
    try {
      const { eventIds } = await mod.command.runLaunchCommand(manager.actor, launch.id, "launch.edit", async ({ tx, emit }) => {
        await tx.launch.update({ where: { id: launch.id }, data: { description: `change ${n}` } });
        emit({ type: "launch.updated", payload: { n } });
      });
      acknowledged.push(...eventIds);
    } catch {
      // Not acknowledged (the database was down): the writer would retry; nothing is owed to readers.
    }
  };
  const createdEvent = (await mod.fixtures.eventsOf(launch.id)).map((e) => e.id.toString());
  return { launch, abort, received, acknowledged, write, createdEvent };
}

describe("live stream reliability", () => {
  it("delivers every change exactly once, in order, when the listener's backend is killed mid-run", async () => {
    const { abort, received, acknowledged, write, createdEvent } = await setup();
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    for (let n = 0; n < 60; n++) {
      if (n === 20 || n === 40) {
        // The second kill waits until the listener is back from the first (it reconnects with backoff).
        await until(() => mod.listener.listener().connected, 5_000);
        const pid = mod.listener.listener().backendPid;
        expect(pid).toBeTypeOf("number");
        await admin.query("SELECT pg_terminate_backend($1)", [pid]);
      }
      await write(n);
      await new Promise((r) => setTimeout(r, 10));
    }
    await admin.end();
    expect(acknowledged).toHaveLength(60);
    const expected = [...createdEvent, ...acknowledged];
    expect(await until(() => received.length >= expected.length, 5_000)).toBe(true);
    expect(received.ids()).toEqual(expected);
    expect(mod.listener.listener().reconnects).toBeGreaterThanOrEqual(2);
    abort.abort();
  });

  it("converges within 5 s after Postgres itself restarts during a run of writes", async () => {
    const { abort, received, acknowledged, write, createdEvent } = await setup();
    const reconnectsBefore = mod.listener.listener().reconnects;
    for (let n = 0; n < 15; n++) await write(n);
    const restarting = (async () => {
      await server.pg.stop();
      await server.pg.start();
    })();
    // Writes keep coming while the server is down and coming back.
    for (let n = 15; n < 40; n++) {
      await write(n);
      await new Promise((r) => setTimeout(r, 40));
    }
    await restarting;
    for (let n = 40; n < 50; n++) await write(n);
    const restartedAt = Date.now();
    const expected = [...createdEvent, ...acknowledged];
    expect(await until(() => received.length >= expected.length, 5_000)).toBe(true);
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
    // No event missed, none applied twice, in commit order.
    expect(received.ids()).toEqual(expected);
    expect(new Set(received.ids()).size).toBe(received.length);
    expect(mod.listener.listener().reconnects).toBeGreaterThan(reconnectsBefore);
    abort.abort();
  });

  it("frees its subscription when the client goes away", async () => {
    const before = mod.listener.listener().streamCount;
    const { abort } = await setup();
    expect(mod.listener.listener().streamCount).toBe(before + 1);
    abort.abort();
    expect(await until(() => mod.listener.listener().streamCount === before, 2_000)).toBe(true);
  });
});
