// A task action on a 1,000-task runbook reaching every viewer (issue 12): a launch whose runbook has 1,000
// tasks and 3,000 dependencies, VIEWERS open streams on its live feed, and a writer that starts and
// finishes tasks in order through the one write path (the command the server action calls) at RATE
// actions a second. Every viewer parses each batch as the page's client does; one of them also applies
// it to a query cache with the page's own patcher (lib/live/patch.ts) and recomputes the forecast with
// the page's own function (lib/runbook/from-dto.ts), so "commit -> new forecast on a screen" is measured.
// Beside it, in the same run, the floor of this machine: a bare pg writer + pg LISTEN + node:http SSE
// process (bench/lib/floor-server.ts) serving as many streams at the same rate.
//
//   NEXT_DIST_DIR=.next-bench npx next build          (once)
//   NEXT_DIST_DIR=.next-bench npm run bench:runbook-live
//   VIEWERS=500 RATE=5 SECONDS=20 BENCH_PORT=3520 (defaults)
import { mkdirSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createTestDatabase } from "../scripts/lib/test-db";
import { startFloor } from "./lib/floor";
import { loadAverage, signIn, sleep, startInstance, stopInstance, treeCpuMs } from "./lib/instance";
import { SseClient, summarize } from "./lib/sse-client";
import { seededRandom } from "./lib/random";

const VIEWERS = Number(process.env.VIEWERS ?? 500);
const RATE = Number(process.env.RATE ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3520);
const TASKS = 1_000;
const DEPS = 3_000;
const log = (m: string) => console.error(`· ${m}`);

// Deterministic PRNG (mulberry32): every run seeds the same runbook.
const { random, int } = seededRandom(7);

async function main() {
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { createPasswordUser } = await import("../lib/seed/users");
  const { createLaunch } = await import("../lib/launches/commands");
  const { createRunbook, importPlan, executeTask } = await import("../lib/runbook/commands");
  const { applyLiveMessage, newPatchState } = await import("../lib/live/patch");
  const { forecastOf } = await import("../lib/runbook/from-dto");
  const { launchKeys } = await import("../lib/launches/query-keys");
  const { db } = await import("../lib/db/client");
  type RunbookDto = import("../lib/runbook/dto").RunbookDto;
  type LiveMessage = import("../lib/launches/view-types").LiveMessage;

  const results: Record<string, unknown> = { viewers: VIEWERS, actionsPerSecond: RATE, seconds: SECONDS, tasks: TASKS, dependencies: DEPS };
  let instance: Awaited<ReturnType<typeof startInstance>> | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    log(`seeding a runbook of ${TASKS} tasks and ${DEPS} dependencies`);
    const password = "bench-password-123";
    const userId = await createPasswordUser({ name: "Runbook lead", email: "lead@bench.liftoff", password });
    const actor = { userId, isAdmin: false };
    const launch = await createLaunch(actor, { name: "Runbook bench", system: "Core banking", description: "", timeZone: "Europe/London" });
    const env = await db.environment.create({ data: { name: `bench-${randomUUID().slice(0, 8)}` } });
    const windowStart = new Date(Date.now() - 10 * 60_000);
    await db.deploymentWindow.create({
      data: { launchId: launch.id, environmentId: env.id, startsAt: windowStart, endsAt: new Date(windowStart.getTime() + 3 * 24 * 60 * 60_000), timeZone: "Europe/London", status: "SCHEDULED" },
    });
    await createRunbook(actor, { launchId: launch.id, templateKey: "blank" });
    const streams = ["Database", "App", "Network", "Comms"];
    const seen = new Set<string>();
    const deps: { from: string; to: string; type: "FS" | "SS"; lagMin: number }[] = [];
    // Edges from a lower to a higher index (acyclic), mostly between nearby tasks as in real runbooks, so
    // finishing tasks in index order never leaves a task waiting.
    while (deps.length < DEPS) {
      const to = 1 + int(TASKS - 1);
      const from = Math.max(0, to - 1 - int(Math.min(to, 40)));
      if (from === to || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      deps.push({ from: `t${from}`, to: `t${to}`, type: random() < 0.2 ? "SS" : "FS", lagMin: 0 });
    }
    await importPlan(actor, launch.id, async () => ({
      streams,
      tasks: Array.from({ length: TASKS }, (_, i) => ({
        key: `t${i}`, stream: streams[i % 4], title: `Task ${i + 1}: ${["switch traffic", "migrate schema", "verify replication", "notify partners"][i % 4]}`,
        type: "NORMAL" as const, durationMin: 1 + int(20), fixedStart: null, critical: false,
        notes: "Follow the procedure in the runbook wiki; page the on-call lead if a step fails.", links: [], assigneeIds: [userId],
      })),
      deps,
    }));
    const rb = await db.runbook.findUniqueOrThrow({ where: { launchId: launch.id }, select: { id: true, runs: { select: { id: true } } } });
    const runId = rb.runs[0].id;
    const taskIds = (await db.runbookTask.findMany({ where: { runbookId: rb.id }, orderBy: { position: "asc" }, select: { id: true } })).map((t) => t.id);

    instance = await startInstance({ port: PORT, databaseUrl: testDb.url, nodeArgs: process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean) });
    const pid = instance.pid!;
    const base = `http://localhost:${PORT}`;
    const cookie = await signIn(PORT, "lead@bench.liftoff", password);
    const cursor = async () => (await db.event.aggregate({ _max: { id: true }, where: { launchId: launch.id } }))._max.id ?? 0n;

    // The page's starting cache: the runbook DTO as the page's GET returns it.
    const initial = await fetch(`${base}/api/launches/${launch.id}/view/runbook`, { headers: { cookie } });
    if (!initial.ok) throw new Error(`GET runbook view: ${initial.status}`);
    const cache = new Map<string, unknown>();
    const keyOf = (k: readonly unknown[]) => JSON.stringify(k);
    const cacheLike = {
      getQueryData: <T,>(k: readonly unknown[]) => cache.get(keyOf(k)) as T | undefined,
      setQueryData: <T,>(k: readonly unknown[], u: T | ((old: T | undefined) => T | undefined)) => {
        const next = typeof u === "function" ? (u as (o: T | undefined) => T | undefined)(cache.get(keyOf(k)) as T | undefined) : u;
        cache.set(keyOf(k), next);
        return next;
      },
      // The page refetches an entry only when a delta does not fit it: never expected in this run.
      invalidateQueries: ({ queryKey }: { queryKey: readonly unknown[] }) => {
        throw new Error(`a live delta did not fit ${keyOf(queryKey)}`);
      },
    };
    cache.set(keyOf(launchKeys.runbook(launch.id)), await initial.json());

    const after = await cursor();
    const committedAt = new Map<string, number>();
    const receipts: [string, number][] = [];
    const forecastAt: [string, number][] = [];
    const bytes: number[] = [];
    const patchState = newPatchState(after);
    const url = `${base}/api/launches/${launch.id}/events?after=${after}`;
    const clients = Array.from({ length: VIEWERS }, (_, i) =>
      new SseClient(url, { cookie }, (_id, event, data, at) => {
        if (event !== "change") return;
        const message = JSON.parse(data) as LiveMessage;
        for (const e of message.events) receipts.push([e.id, at]);
        if (i !== 0) return;
        // Viewer 0 is also the screen: patch the cache and recompute the forecast, as the run view does.
        bytes.push(data.length);
        applyLiveMessage(cacheLike, launch.id, message, patchState);
        const dto = cache.get(keyOf(launchKeys.runbook(launch.id))) as RunbookDto;
        const plan = forecastOf(dto, new Date());
        if (!plan) throw new Error("no forecast after a batch");
        const done = performance.now();
        for (const e of message.events) forecastAt.push([e.id, done]);
      }),
    );
    log(`opening ${VIEWERS} streams`);
    for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.open()));
    await sleep(1000);

    log(`${RATE} task actions a second for ${SECONDS} s`);
    const cpu0 = treeCpuMs(pid);
    const total = RATE * SECONDS;
    const started = performance.now();
    let actions = 0;
    for (let n = 0; n < total; n++) {
      const task = taskIds[n >> 1];
      const kind = n % 2 === 0 ? "start" : "finish";
      const before = await cursor();
      await executeTask(actor, kind, { launchId: launch.id, runId, taskId: task, opId: randomUUID() });
      const t = performance.now();
      const ids = await db.event.findMany({ where: { launchId: launch.id, id: { gt: before } }, select: { id: true } });
      for (const { id } of ids) committedAt.set(id.toString(), t);
      actions++;
      const next = started + ((n + 1) * 1000) / RATE;
      await sleep(Math.max(0, next - performance.now()));
    }
    for (let i = 0; i < 100 && receipts.length < actions * VIEWERS; i++) await sleep(100);
    const cpu = treeCpuMs(pid) - cpu0;
    clients.forEach((c) => c.close());
    const lat = receipts.filter(([id]) => committedAt.has(id)).map(([id, at]) => Math.max(0, at - committedAt.get(id)!));
    const fc = forecastAt.filter(([id]) => committedAt.has(id)).map(([id, at]) => Math.max(0, at - committedAt.get(id)!));
    results.liftoff = {
      received: { ...summarize(lat), delivered: lat.length, expected: actions * VIEWERS },
      forecastOnScreen: summarize(fc),
      serverCpuMsPerAction: cpu / actions,
      bytesPerBatch: summarize(bytes),
    };

    log(`the floor: ${VIEWERS} streams, ${RATE} commits a second`);
    floor = await startFloor(PORT + 1, testDb.url);
    const floorPid = floor.child.pid!;
    const floorSent = new Map<string, number>();
    const floorLat: number[] = [];
    const floorClients = Array.from({ length: VIEWERS }, () => new SseClient(floor!.url, {}, (id, event, _d, at) => {
      if (event === "change" && floorSent.has(id)) floorLat.push(at - floorSent.get(id)!);
    }));
    for (let i = 0; i < floorClients.length; i += 50) await Promise.all(floorClients.slice(i, i + 50).map((c) => c.open()));
    await sleep(1000);
    const fcpu0 = treeCpuMs(floorPid);
    const fstart = performance.now();
    for (let n = 0; n < total; n++) {
      const id = await floor.commit(n);
      floorSent.set(id, performance.now());
      await sleep(Math.max(0, fstart + ((n + 1) * 1000) / RATE - performance.now()));
    }
    for (let i = 0; i < 50 && floorLat.length < total * VIEWERS; i++) await sleep(100);
    const fcpu = treeCpuMs(floorPid) - fcpu0;
    floorClients.forEach((c) => c.close());
    results.floor = { received: { ...summarize(floorLat), delivered: floorLat.length, expected: total * VIEWERS }, serverCpuMsPerAction: fcpu / total };
    results.loadAverage = loadAverage();
  } finally {
    await stopInstance(instance);
    await floor?.stop();
    await db.$disconnect();
    await testDb.stop();
  }
  type Lat = { p50: number; p99: number; delivered?: number; expected?: number };
  const r = results as { liftoff: { received: Lat; forecastOnScreen: Lat; serverCpuMsPerAction: number; bytesPerBatch: Lat }; floor: { received: Lat; serverCpuMsPerAction: number } };
  const f = (n: number) => n.toFixed(1);
  console.log(`\nRunbook live: ${TASKS} tasks, ${DEPS} dependencies, ${VIEWERS} viewers, ${RATE} task actions/s for ${SECONDS} s (load ${JSON.stringify(results.loadAverage)})`);
  console.log(`  commit -> received by every viewer: p50 ${f(r.liftoff.received.p50)} ms, p99 ${f(r.liftoff.received.p99)} ms (${r.liftoff.received.delivered}/${r.liftoff.received.expected}); floor p50 ${f(r.floor.received.p50)} ms, p99 ${f(r.floor.received.p99)} ms -> ${f(r.liftoff.received.p50 / r.floor.received.p50)}x / ${f(r.liftoff.received.p99 / r.floor.received.p99)}x`);
  console.log(`  commit -> new forecast computed on a screen: p50 ${f(r.liftoff.forecastOnScreen.p50)} ms, p99 ${f(r.liftoff.forecastOnScreen.p99)} ms`);
  console.log(`  server CPU per action: ${f(r.liftoff.serverCpuMsPerAction)} ms (floor ${f(r.floor.serverCpuMsPerAction)} ms); bytes per batch p50 ${r.liftoff.bytesPerBatch.p50}`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(process.env.RESULTS ?? "bench/results/runbook-live-latest.json", JSON.stringify(results, null, 2) + "\n");
  process.exit(0);
}

await main();
