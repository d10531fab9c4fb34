// Live propagation benchmark (issue #4): commit-to-client latency with many open SSE streams on one
// launch while writers make changes, on one and on two instances, beside the floor of the same machine
// (a bare pg NOTIFY round trip and a bare Node SSE hop); memory per open stream; stream count after.
//
//   npm run bench:live            (needs a build: `npx next build`)
//   CLIENTS=500 RATE=20 SECONDS=15 MEM_STREAMS=2000 SPREADS=1,2 npm run bench:live   (defaults)
//   ONLY=memory MEM_STREAMS=5000 npm run bench:live                   (idle streams only, beside the floor server)
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createTestDatabase } from "../scripts/lib/test-db";
import { notifyFloor, sseFloor, startFloor } from "./lib/floor";
import { loadAverage, signIn, sleep, startInstance as start, stopInstance, treeRssMb } from "./lib/instance";
import { SseClient, summarize } from "./lib/sse-client";

const CLIENTS = Number(process.env.CLIENTS ?? 500);
const RATE = Number(process.env.RATE ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 15);
const MEM_STREAMS = Number(process.env.MEM_STREAMS ?? 2000);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3600);

// The production server of `npm start` (scripts/serve.ts); SERVER=next measures plain `next start`.
const startInstance = (port: number, databaseUrl: string) => start({ port, databaseUrl, server: process.env.SERVER === "next" ? "next" : "serve" });

async function main() {
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { createPasswordUser } = await import("../lib/seed/users");
  const { createLaunch } = await import("../lib/launches/commands");
  const { runLaunchCommand } = await import("../lib/server/command");
  const { db } = await import("../lib/db/client");
  const results: Record<string, unknown> = { clients: CLIENTS, ratePerSecond: RATE, seconds: SECONDS, machine: `${(await import("node:os")).cpus().length} cores` };
  const instances: ChildProcess[] = [];
  try {
    const password = "bench-password-1";
    const userId = await createPasswordUser({ name: "Bench", email: "bench@liftoff.bench", password });
    const launch = await createLaunch({ userId, isAdmin: false }, { name: "Bench launch", system: "Bench", description: "", timeZone: "UTC" });
    instances.push(await startInstance(BASE_PORT, testDb.url), await startInstance(BASE_PORT + 1, testDb.url));
    const cookie = await signIn(BASE_PORT, "bench@liftoff.bench", password);

    if (process.env.ONLY !== "memory") {
      results.floorNotify = await notifyFloor(testDb.url);
      results.floorSse = await sseFloor(CLIENTS, RATE);
    }

    const cursor = async () => (await db.event.aggregate({ _max: { id: true }, where: { launchId: launch.id } }))._max.id ?? 0n;
    const log = (m: string) => console.error(`· ${m}`);
    for (const spread of process.env.ONLY === "memory" ? [] : (process.env.SPREADS ?? "1,2").split(",").map(Number)) {
      log(`${CLIENTS} clients on ${spread} instance(s)`);
      const after = await cursor();
      const committedAt = new Map<string, number>();
      // Receipts are matched to commits after the run: a message can be handled before the writer's own
      // continuation records its commit time (same process); those count as 0 ms, not as lost.
      const receipts: [string, number][] = [];
      const clients = Array.from({ length: CLIENTS }, (_, i) => {
        const port = BASE_PORT + (i % spread);
        // Like a browser: parse each batch and take every event it carries (a batch may coalesce several).
        return new SseClient(`http://localhost:${port}/api/launches/${launch.id}/events?after=${after}`, { cookie }, (_id, event, data, at) => {
          if (event === "change") for (const e of (JSON.parse(data) as { events: { id: string }[] }).events) receipts.push([e.id, at]);
        });
      });
      // Open in slices so the instance is not asked for hundreds of sessions in one tick.
      for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.open()));
      const total = RATE * SECONDS;
      const started = performance.now();
      for (let n = 0; n < total; n++) {
        const { eventIds } = await runLaunchCommand({ userId, isAdmin: false }, launch.id, "launch.edit", async ({ emit }) => emit({ type: "launch.updated", payload: { n } }));
        committedAt.set(eventIds[0], performance.now());
        const next = started + ((n + 1) * 1000) / RATE;
        await sleep(Math.max(0, next - performance.now()));
      }
      // Wait for stragglers (up to 10 s): anything still missing then counts as not delivered.
      for (let i = 0; i < 100 && receipts.length < total * CLIENTS; i++) await sleep(100);
      const perClient = clients.filter((c) => !c.connected).length;
      clients.forEach((c) => c.close());
      if (process.env.BENCH_DEBUG) {
        const got = new Map<string, number>();
        for (const [id] of receipts) got.set(id, (got.get(id) ?? 0) + 1);
        const order = [...committedAt.keys()];
        console.log("missing", order.map((id, i) => [i, id, got.get(id) ?? 0]).filter(([, , n]) => n !== CLIENTS));
      }
      const lat = receipts.filter(([id]) => committedAt.has(id)).map(([id, at]) => Math.max(0, at - committedAt.get(id)!));
      results[spread === 1 ? "oneInstance" : "twoInstances"] = { ...summarize(lat), expected: total * CLIENTS, delivered: lat.length, disconnectedClients: perClient };
      await sleep(1000);
    }

    log(`memory with ${MEM_STREAMS} streams`);
    // Memory: MEM_STREAMS idle streams on one instance, beside the floor server holding as many.
    const pid = instances[0].pid!;
    await sleep(1000);
    const health = async () => (await (await fetch(`http://localhost:${BASE_PORT}/api/health`)).json()) as { live: { streams: number }; memory: { heapUsed: number } };
    const heapBefore = (await health()).memory.heapUsed; // collects garbage first (--expose-gc)
    const before = treeRssMb(pid);
    const idleAfter = await cursor();
    const idle = Array.from({ length: MEM_STREAMS }, () => new SseClient(`http://localhost:${BASE_PORT}/api/launches/${launch.id}/events?after=${idleAfter}`, { cookie }, () => {}));
    for (let i = 0; i < idle.length; i += 100) await Promise.all(idle.slice(i, i + 100).map((c) => c.open()));
    // Let the burst of sign-in checks be collected before measuring what the open streams hold.
    await sleep(8000);
    const withStreams = await health();
    await sleep(500);
    const during = treeRssMb(pid);
    const openReported = withStreams.live.streams;
    idle.forEach((c) => c.close());
    const closedAt = performance.now();
    let after = -1;
    for (let i = 0; i < 200 && after !== 0; i++) {
      await sleep(50);
      after = (await health()).live.streams;
    }
    const backToZeroMs = Math.round(performance.now() - closedAt);
    const floor = await startFloor(BASE_PORT + 2, testDb.url);
    await sleep(1000);
    const floorBefore = treeRssMb(floor.child.pid!);
    const floorIdle = Array.from({ length: MEM_STREAMS }, () => new SseClient(floor.url, {}, () => {}));
    for (let i = 0; i < floorIdle.length; i += 100) await Promise.all(floorIdle.slice(i, i + 100).map((c) => c.open()));
    await sleep(3000);
    const floorDuring = treeRssMb(floor.child.pid!);
    floorIdle.forEach((c) => c.close());
    await floor.stop();
    const kbPerStream = (mb: number) => Math.round((mb * 1024) / MEM_STREAMS * 10) / 10;
    results.memory = {
      streams: MEM_STREAMS,
      openReported,
      rssBeforeMb: Math.round(before),
      rssWithStreamsMb: Math.round(during),
      addedMb: Math.round(during - before),
      heapAddedMb: withStreams.memory.heapUsed - heapBefore,
      rssKbPerStream: kbPerStream(during - before),
      floorRssAddedMb: Math.round(floorDuring - floorBefore),
      floorRssKbPerStream: kbPerStream(floorDuring - floorBefore),
      streamsAfterClose: after,
      backToZeroMs,
    };
    results.loadAverage = loadAverage();
  } finally {
    await Promise.all(instances.map(stopInstance));
    await db.$disconnect();
    await testDb.stop();
  }
  const fmt = (s: { p50: number; p95: number; p99: number }) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · p99 ${s.p99.toFixed(1)} ms`;
  const r = results as Record<string, { p50: number; p95: number; p99: number; delivered?: number; expected?: number }>;
  console.log(`\nLive propagation, ${CLIENTS} SSE clients, ${RATE} changes/s for ${SECONDS} s`);
  if (r.floorNotify) {
    console.log(`  floor: pg NOTIFY round trip   ${fmt(r.floorNotify)}`);
    console.log(`  floor: bare Node SSE hop      ${fmt(r.floorSse)}`);
  }
  for (const k of ["oneInstance", "twoInstances"].filter((k) => r[k])) {
    const floor = r.floorNotify.p50 + r.floorSse.p50;
    console.log(`  Liftoff, ${k === "oneInstance" ? "one instance " : "two instances"}       ${fmt(r[k])}  (${r[k].delivered}/${r[k].expected} delivered; p50 = ${(r[k].p50 / floor).toFixed(1)}× floor)`);
  }
  console.log(`  memory: ${JSON.stringify(results.memory)}`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(process.env.RESULTS ?? (process.env.ONLY === "memory" ? "bench/results/live-memory-latest.json" : "bench/results/live-latest.json"), JSON.stringify(results, null, 2) + "\n");
  process.exit(0);
}

await main();
