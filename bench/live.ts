// Live propagation benchmark (issue #4): commit-to-client latency with many open SSE streams on one
// launch while writers make changes, on one and on two instances, beside the floor of the same machine
// (a bare pg NOTIFY round trip and a bare Node SSE hop); memory per open stream; stream count after.
//
//   npm run bench:live            (needs a build: `npx next build`)
//   CLIENTS=500 RATE=20 SECONDS=15 MEM_STREAMS=2000 npm run bench:live
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import { createTestDatabase } from "../scripts/lib/test-db";
import { SseClient, summarize } from "./lib/sse-client";

const CLIENTS = Number(process.env.CLIENTS ?? 500);
const RATE = Number(process.env.RATE ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 15);
const MEM_STREAMS = Number(process.env.MEM_STREAMS ?? 2000);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3600);
const SECRET = "bench-secret-bench-secret-bench-secret-01";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startInstance(port: number, databaseUrl: string): Promise<ChildProcess> {
  // The production server of `npm start` (scripts/serve.ts); SERVER=next measures plain `next start`.
  const args =
    process.env.SERVER === "next"
      ? ["node_modules/next/dist/bin/next", "start", "-p", String(port)]
      : ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/serve.ts"];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: `http://localhost:${port}`, AUTH_RATE_LIMIT_MAX: "100000", LIFTOFF_HEALTH_MEMORY: "1", NODE_OPTIONS: "--expose-gc" },
    stdio: process.env.DEBUG_LIVE ? ["ignore", openSync(`/tmp/inst-${port}.log`, "w"), "inherit"] : "ignore",
  });
  return (async () => {
    for (let i = 0; i < 240; i++) {
      if (child.exitCode !== null) throw new Error(`instance on ${port} exited (${child.exitCode}); is the port taken?`);
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
      } catch {}
      await sleep(250);
    }
    throw new Error(`instance on ${port} did not start`);
  })();
}

async function stopInstance(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 5000);
  await new Promise((r) => child.once("exit", r));
  clearTimeout(t);
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function treeRssMb(rootPid: number) {
  const parents = new Map<number, number>();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

async function signIn(port: number, email: string, password: string) {
  const res = await fetch(`http://localhost:${port}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function notifyFloor(url: string, samples = 300) {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query("LISTEN bench_floor");
  const sent = new Map<string, number>();
  const lat: number[] = [];
  listener.on("notification", (n) => lat.push(performance.now() - sent.get(n.payload!)!));
  for (let i = 0; i < samples; i++) {
    sent.set(String(i), performance.now());
    await sender.query("SELECT pg_notify('bench_floor', $1)", [String(i)]);
    await sleep(2);
  }
  await sleep(200);
  await Promise.all([listener.end(), sender.end()]);
  return summarize(lat);
}

async function sseFloor(clients: number, messages = 100) {
  const res: http.ServerResponse[] = [];
  const server = http.createServer((_req, r) => {
    r.writeHead(200, { "content-type": "text/event-stream" });
    r.write("event: hello\ndata: {}\n\n");
    res.push(r);
  });
  await new Promise<void>((r) => server.listen(0, r));
  const port = (server.address() as { port: number }).port;
  const sentAt = new Map<string, number>();
  const lat: number[] = [];
  const cs = Array.from({ length: clients }, () => new SseClient(`http://localhost:${port}/`, {}, (id, event, _d, at) => event === "change" && lat.push(at - sentAt.get(id)!)));
  for (const c of cs) await c.open();
  for (let i = 0; i < messages; i++) {
    sentAt.set(String(i), performance.now());
    for (const r of res) r.write(`id: ${i}\nevent: change\ndata: {}\n\n`);
    await sleep(1000 / RATE);
  }
  await sleep(300);
  cs.forEach((c) => c.close());
  server.closeAllConnections();
  server.close();
  return summarize(lat);
}

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
      results.floorSse = await sseFloor(CLIENTS);
    }

    const cursor = async () => (await db.event.aggregate({ _max: { id: true }, where: { launchId: launch.id } }))._max.id ?? 0n;
    const log = (m: string) => console.error(`· ${m}`);
    for (const spread of process.env.ONLY === "memory" ? [] : [1, 2]) {
      log(`${CLIENTS} clients on ${spread} instance(s)`);
      const after = await cursor();
      const committedAt = new Map<string, number>();
      // Receipts are matched to commits after the run: a message can be handled before the writer's own
      // continuation records its commit time (same process); those count as 0 ms, not as lost.
      const receipts: [string, number][] = [];
      const clients = Array.from({ length: CLIENTS }, (_, i) => {
        const port = BASE_PORT + (i % spread);
        return new SseClient(`http://localhost:${port}/api/launches/${launch.id}/events?after=${after}`, { cookie }, (id, event, _data, at) => {
          if (event === "change") receipts.push([id, at]);
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
    // Memory: 2,000 idle streams on one instance.
    const pid = instances[0].pid!;
    await sleep(1000);
    const health = async () => (await (await fetch(`http://localhost:${BASE_PORT}/api/health`)).json()) as { live: { streams: number }; memory: { heapUsed: number } };
    const before = treeRssMb(pid);
    const heapBefore = (await health()).memory.heapUsed;
    const idleAfter = await cursor();
    const idle = Array.from({ length: MEM_STREAMS }, () => new SseClient(`http://localhost:${BASE_PORT}/api/launches/${launch.id}/events?after=${idleAfter}`, { cookie }, () => {}));
    for (let i = 0; i < idle.length; i += 100) await Promise.all(idle.slice(i, i + 100).map((c) => c.open()));
    // Let the burst of 2,000 sign-in checks be collected before measuring what the open streams hold.
    await sleep(8000);
    const withStreams = await health();
    await sleep(500);
    const during = treeRssMb(pid);
    const openReported = withStreams.live.streams;
    idle.forEach((c) => c.close());
    let after = -1;
    for (let i = 0; i < 40 && after !== 0; i++) {
      await sleep(250);
      after = (await (await fetch(`http://localhost:${BASE_PORT}/api/health`)).json()).live.streams;
    }
    results.memory = {
      streams: MEM_STREAMS,
      openReported,
      rssBeforeMb: Math.round(before),
      rssWithStreamsMb: Math.round(during),
      addedMb: Math.round(during - before),
      heapAddedMb: withStreams.memory.heapUsed - heapBefore,
      streamsAfterClose: after,
    };
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
  for (const k of process.env.ONLY === "memory" ? [] : ["oneInstance", "twoInstances"]) {
    const floor = r.floorNotify.p50 + r.floorSse.p50;
    console.log(`  Liftoff, ${k === "oneInstance" ? "one instance " : "two instances"}       ${fmt(r[k])}  (${r[k].delivered}/${r[k].expected} delivered; p50 = ${(r[k].p50 / floor).toFixed(1)}× floor)`);
  }
  console.log(`  memory: ${JSON.stringify(results.memory)}`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(process.env.ONLY === "memory" ? "bench/results/live-memory-latest.json" : "bench/results/live-latest.json", JSON.stringify(results, null, 2) + "\n");
  process.exit(0);
}

await main();
