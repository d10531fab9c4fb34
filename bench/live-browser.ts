// Browser-realistic live benchmark (issue 9): what a change costs the server when real pages watch it.
// Four real Chromium pages (overview, checklist, sign-offs, go/no-go) plus emulated viewers that do what
// the page's client code does on a batch (components/live/launch-live.tsx: hold the one stream and parse
// each batch; it makes no request). For audiences of 1 to 500 viewers, a writer commits RATE changes a
// second through the one write path (alternately a rename, which every page's header shows, and an item
// ticked done or back, which moves readiness), and the run reports per change:
//   - requests the server was asked to handle besides the streams (counted inside the server process by
//     bench/lib/server-probe.ts, so nothing a page does can hide);
//   - server CPU (the process tree's utime + stime from /proc, less its idle rate measured just before);
//   - commit -> parsed by every emulated viewer, and commit -> DOM in each Chromium page (a
//     MutationObserver's timestamp in the page against the commit's, both on this machine's clock);
// beside the floor of the same machine in the same run: a bare pg writer + pg LISTEN + node:http SSE
// process (bench/lib/floor-server.ts) serving the same number of streams.
// Then ticks a second through the real server action (POST with Next-Action, several writers, closed loop).
//
//   NEXT_DIST_DIR=.next-bench NODE_ENV=production npx next build            (once)
//   NEXT_DIST_DIR=.next-bench npm run bench:live-browser
//   AUDIENCES=1,4,100,500 RATE=20 SECONDS=10 WRITERS=4,8,16 TICK_SECONDS=8 BENCH_PORT=3460 (defaults)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { createTestDatabase } from "../scripts/lib/test-db";
import { loadAverage, readRequestCounts, signIn, sleep, startInstance, stopInstance, treeCpuMs } from "./lib/instance";
import { notifyFloor, startFloor } from "./lib/floor";
import { BENCH_PASSWORD, memberEmail, seedLaunch } from "./lib/seed";
import { SseClient, summarize } from "./lib/sse-client";

const AUDIENCES = (process.env.AUDIENCES ?? "1,4,100,500").split(",").map(Number);
const BROWSER_PAGES = ["", "/checklist", "/signoffs", "/go-no-go"];
const RATE = Number(process.env.RATE ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 10);
const WRITERS = (process.env.WRITERS ?? "4,8,16").split(",").filter(Boolean).map(Number);
const TICK_SECONDS = Number(process.env.TICK_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3460);
const FLOOR_PORT = PORT + 1;
const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const PAGE_PROFILE_DIR = process.env.PAGE_PROFILE_DIR;
const now = () => performance.timeOrigin + performance.now(); // epoch ms, sub-ms: comparable with the pages'
const log = (m: string) => console.error(`· ${m}`);

/** Recorded in each page before anything else runs: when the header first showed each rename. */
const OBSERVE_HEADER = () => {
  const w = window as unknown as { __seen: Record<string, number> };
  w.__seen = {};
  new MutationObserver(() => {
    const m = /#(\d+)$/.exec(document.querySelector("h1")?.textContent ?? "");
    if (m && !(m[1] in w.__seen)) w.__seen[m[1]] = performance.timeOrigin + performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

type Phase = { viewers: number; browsers: number; emulated: number };
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
function diffCounts(after: Record<string, number>, before: Record<string, number>) {
  const d: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v - (before[k] ?? 0) > 0) d[k] = v - (before[k] ?? 0);
  return d;
}

async function main() {
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  const { runLaunchCommand, withCommittedEventIds } = await import("../lib/server/command");
  const { changeItemStatus } = await import("../lib/checklist/status-commands");
  const { db } = await import("../lib/db/client");
  const results: Record<string, unknown> = { machine: `${(await import("node:os")).cpus().length} cores`, rate: RATE, secondsPerPhase: SECONDS, loadAverageAtStart: loadAverage() };
  let instance: Awaited<ReturnType<typeof startInstance>> | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  let browser: Browser | undefined;
  try {
    log("seeding a launch with 60 items and 20 members");
    const seeded = await seedLaunch({ items: 60, members: 20 });
    const { launchId } = seeded;
    const owner = { userId: seeded.users[0], isAdmin: false };
    instance = await startInstance({ port: PORT, databaseUrl: testDb.url, imports: ["./bench/lib/server-probe.ts"], nodeArgs: process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean) });
    floor = await startFloor(FLOOR_PORT, testDb.url);
    const base = `http://localhost:${PORT}`;
    const cookies = { engineer: await signIn(PORT, memberEmail(1), BENCH_PASSWORD), viewer: await signIn(PORT, memberEmail(5), BENCH_PASSWORD) };
    // BROWSER_AS=manager: the Chromium pages as the launch's manager (a manager's checklist rows are sortable).
    const browserCookie = process.env.BROWSER_AS === "manager" ? await signIn(PORT, seeded.ownerEmail, BENCH_PASSWORD) : cookies.engineer;
    results.floorNotify = await notifyFloor(testDb.url);
    const pid = instance.pid!;
    const health = async () => ((await (await fetch(`${base}/api/health`)).json()) as { live: { streams: number } }).live.streams;
    const cursor = async () => ((await db.event.aggregate({ _max: { id: true }, where: { launchId } }))._max.id ?? 0n).toString();

    // The change: a rename (every page's header; measured to the DOM) or an item ticked done / back.
    const tick = { ...seeded.toggles[0], done: false };
    const change = async (n: number): Promise<string[]> => {
      if (n % 2 === 0) {
        const { eventIds } = await runLaunchCommand(owner, launchId, "launch.edit", async ({ tx, emit }) => {
          await tx.launch.update({ where: { id: launchId }, data: { name: `Bench launch #${n}` } });
          emit({ type: "launch.updated", payload: { fields: ["name"] } });
        });
        return eventIds;
      }
      const { eventIds } = await withCommittedEventIds(() => changeItemStatus(owner, { launchId, itemId: tick.id, version: tick.version, status: tick.done ? "TODO" : "DONE" }));
      tick.version++;
      tick.done = !tick.done;
      return eventIds;
    };

    let changeNo = 0;

    // Chromium pages, opened once the audience reaches their number and kept for the larger audiences.
    let pages: Page[] = [];
    // Each page's main-thread time (Chromium's TaskDuration: scripts, style, layout, paint), read over CDP:
    // what a change costs every browser that watches, beside what it costs the server.
    let pageMetrics: CDPSession[] = [];
    const pageTaskMs = async () =>
      Promise.all(pageMetrics.map(async (cdp) => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000));
    const browserRequests: string[] = [];
    const openBrowsers = async () => {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
      });
      const context = await browser.newContext();
      await context.addCookies(browserCookie.split("; ").map((c) => ({ name: c.slice(0, c.indexOf("=")), value: c.slice(c.indexOf("=") + 1), domain: "localhost", path: "/" })));
      await context.addInitScript(OBSERVE_HEADER);
      const before = await health();
      pages = [];
      pageMetrics = [];
      for (const path of BROWSER_PAGES) {
        const page = await context.newPage();
        page.on("request", (r) => r.resourceType() !== "eventsource" && browserRequests.push(`${r.method()} ${new URL(r.url()).pathname}`));
        await page.goto(`${base}/launches/${launchId}${path}`, { waitUntil: "load", timeout: 180_000 });
        await page.locator('[data-status="live"]').first().waitFor({ state: "attached", timeout: 60_000 });
        pages.push(page);
        const cdp = await context.newCDPSession(page);
        await cdp.send("Performance.enable");
        pageMetrics.push(cdp);
      }
      for (let i = 0; i < 100 && (await health()) < before + pages.length; i++) await sleep(100);
    };

    results.phases = [];
    for (const viewers of AUDIENCES) {
      if (viewers >= BROWSER_PAGES.length && !pages.length) {
        log("opening the Chromium pages");
        await openBrowsers();
      }
      const phase: Phase = { viewers, browsers: pages.length, emulated: viewers - pages.length };
      log(`${viewers} viewers (${phase.browsers} Chromium pages + ${phase.emulated} emulated), ${RATE} changes/s for ${SECONDS} s`);
      const after = await cursor();
      const committedAt = new Map<string, number>();
      // A rename's two bounds: sent (before the command ran) and acknowledged (the command returned, after
      // its commit). The commit lies between; a page may render it before the acknowledgement reaches here.
      const renameAt = new Map<number, number>();
      const renameSentAt = new Map<number, number>();
      const receipts: [string, number][] = [];
      // What one engineer's and one stakeholder's stream carried (the first two clients), for bytes per change.
      const streamBytes = [0, 0];
      const clients = Array.from({ length: phase.emulated }, (_, i) =>
        new SseClient(`${base}/api/launches/${launchId}/events?after=${after}`, { cookie: i % 2 ? cookies.viewer : cookies.engineer }, (_id, event, data) => {
          const at = now();
          if (event !== "change") return;
          if (i < 2) streamBytes[i] += Buffer.byteLength(data);
          for (const e of (JSON.parse(data) as { events: { id: string }[] }).events) receipts.push([e.id, at]);
        }),
      );
      for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.open()));
      await sleep(1000);
      // Idle CPU of the instance with this audience open (heartbeats, job polling), to subtract.
      const idle0 = treeCpuMs(pid);
      const pagesIdle0 = await pageTaskMs();
      const idleStart = now();
      await sleep(3000);
      const idleRate = (treeCpuMs(pid) - idle0) / (now() - idleStart);
      const pagesIdleRate = (await pageTaskMs()).map((t, i) => (t - pagesIdle0[i]) / (now() - idleStart));
      const requestsBefore = await readRequestCounts(PORT);
      const browserRequestsBefore = browserRequests.length;
      // PAGE_PROFILE_DIR: a CPU profile of each page over the phase (open it in Chromium's DevTools).
      if (PAGE_PROFILE_DIR) await Promise.all(pageMetrics.map(async (cdp) => (await cdp.send("Profiler.enable"), await cdp.send("Profiler.start"))));
      const task0 = await pageTaskMs();
      const cpu0 = treeCpuMs(pid);
      const started = now();
      const total = RATE * SECONDS;
      for (let i = 0; i < total; i++) {
        // Numbered across phases: a page records the first time it showed each number, so a number reused
        // by a later phase would be matched with the earlier phase's render.
        const n = changeNo++;
        const sent = now();
        const ids = await change(n);
        const at = now();
        for (const id of ids) committedAt.set(id, at);
        if (n % 2 === 0) {
          renameAt.set(n, at);
          renameSentAt.set(n, sent);
        }
        const next = started + ((i + 1) * 1000) / RATE;
        await sleep(Math.max(0, next - now()));
      }
      const expected = committedAt.size * phase.emulated;
      for (let i = 0; i < 100 && receipts.length < expected; i++) await sleep(100);
      await sleep(500); // the pages' last renders
      const elapsed = now() - started;
      const cpu = treeCpuMs(pid) - cpu0;
      const task1 = await pageTaskMs();
      if (PAGE_PROFILE_DIR) {
        mkdirSync(PAGE_PROFILE_DIR, { recursive: true });
        for (const [i, cdp] of pageMetrics.entries()) {
          const { profile } = await cdp.send("Profiler.stop");
          writeFileSync(`${PAGE_PROFILE_DIR}/${viewers}-${(BROWSER_PAGES[i] || "/overview").slice(1)}.cpuprofile`, JSON.stringify(profile));
        }
      }
      const requests = diffCounts(await readRequestCounts(PORT), requestsBefore);
      const seen = await Promise.all(pages.map((p) => p.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen)));
      const dom: number[] = [];
      const domFromSent: number[] = [];
      let domMissing = 0;
      for (const s of seen)
        for (const [n, at] of renameAt) {
          if (s[n] === undefined) domMissing++;
          else {
            dom.push(Math.max(0, s[n] - at));
            domFromSent.push(s[n] - renameSentAt.get(n)!);
          }
        }
      clients.forEach((c) => c.close());
      const lat = receipts.filter(([id]) => committedAt.has(id)).map(([id, at]) => Math.max(0, at - committedAt.get(id)!));

      // The floor with the same number of streams, same rate.
      const floorReceipts: [string, number][] = [];
      const floorCommitted = new Map<string, number>();
      const floorClients = Array.from({ length: viewers }, () => new SseClient(floor!.url, {}, (id, event) => event === "change" && floorReceipts.push([id, now()])));
      for (let i = 0; i < floorClients.length; i += 50) await Promise.all(floorClients.slice(i, i + 50).map((c) => c.open()));
      await sleep(1000);
      const fIdle0 = treeCpuMs(floor.child.pid!);
      const fIdleStart = now();
      await sleep(3000);
      const fIdleRate = (treeCpuMs(floor.child.pid!) - fIdle0) / (now() - fIdleStart);
      const fcpu0 = treeCpuMs(floor.child.pid!);
      const fStarted = now();
      for (let n = 0; n < total; n++) {
        const id = await floor.commit(n);
        floorCommitted.set(id, now());
        await sleep(Math.max(0, fStarted + ((n + 1) * 1000) / RATE - now()));
      }
      for (let i = 0; i < 100 && floorReceipts.length < total * viewers; i++) await sleep(100);
      await sleep(500);
      const fElapsed = now() - fStarted;
      const fcpu = treeCpuMs(floor.child.pid!) - fcpu0;
      floorClients.forEach((c) => c.close());
      const fLat = floorReceipts.filter(([id]) => floorCommitted.has(id)).map(([id, at]) => Math.max(0, at - floorCommitted.get(id)!));

      const row = {
        ...phase,
        changes: total,
        requests: { total: sum(requests), perChange: sum(requests) / total, byRoute: requests, seenByBrowsers: browserRequests.slice(browserRequestsBefore) },
        serverCpuMsPerChange: { raw: cpu / total, net: (cpu - idleRate * elapsed) / total, idleMsPerSecond: idleRate * 1000 },
        received: { ...summarize(lat), expected, delivered: lat.length },
        dom: { ...summarize(dom), expected: seen.length * renameAt.size, missing: domMissing },
        // The upper bound: from before the command ran, its own time included.
        domFromSent: summarize(domFromSent),
        // The `data` of the change messages one stream received, per change (batches may carry several).
        // Main-thread ms per change in each Chromium page, less its idle rate (timers, the clock) measured before.
        pageTaskMsPerChange: Object.fromEntries(task1.map((t, i) => [BROWSER_PAGES[i] || "/", (t - task0[i] - pagesIdleRate[i] * elapsed) / total])),
        bytesPerChange: phase.emulated >= 2 ? { engineer: streamBytes[0] / total, stakeholder: streamBytes[1] / total } : null,
        floor: {
          cpuMsPerChange: { raw: fcpu / total, net: (fcpu - fIdleRate * fElapsed) / total },
          received: { ...summarize(fLat), expected: total * viewers, delivered: fLat.length },
        },
        loadAverage: loadAverage(),
      };
      (results.phases as unknown[]).push(row);
      log(JSON.stringify({ viewers, requests: row.requests.total, cpu: row.serverCpuMsPerChange, p50: row.received.p50, p99: row.received.p99, dom: [row.dom.p50, row.dom.p99], floorCpu: row.floor.cpuMsPerChange, floor: [row.floor.received.p50, row.floor.received.p99] }));
      await sleep(1000);
    }
    await browser?.close();
    browser = undefined;

    // Ticks a second through the real server action, several writers each on its own item, closed loop,
    // one emulated viewer watching (so every tick is also delivered).
    const manifest = JSON.parse(readFileSync(`${DIST}/server/server-reference-manifest.json`, "utf8")) as { node: Record<string, { exportedName?: string }> };
    const actionId = Object.entries(manifest.node).find(([, v]) => v.exportedName === "changeItemStatusAction")?.[0];
    if (!actionId) throw new Error(`changeItemStatusAction not found in ${DIST}'s server reference manifest`);
    const ownerCookie = await signIn(PORT, seeded.ownerEmail, BENCH_PASSWORD);
    const items = await db.checklistItem.findMany({ where: { launchId, status: { in: ["TODO", "IN_PROGRESS"] }, id: { not: tick.id } }, select: { id: true, version: true, status: true }, take: Math.max(...WRITERS, 0) });
    results.ticks = [];
    for (const writers of WRITERS) {
      if (writers > items.length) break;
      log(`${writers} writers through the server action for ${TICK_SECONDS} s`);
      let delivered = 0;
      const watcher = new SseClient(`${base}/api/launches/${launchId}/events?after=${await cursor()}`, { cookie: cookies.engineer }, (_id, event, data) => {
        if (event === "change") delivered += (JSON.parse(data) as { events: unknown[] }).events.length;
      });
      await watcher.open();
      const lat: number[] = [];
      let failed = 0;
      const cpu0 = treeCpuMs(pid);
      const started = now();
      const deadline = started + TICK_SECONDS * 1000;
      await Promise.all(
        items.slice(0, writers).map(async (item) => {
          while (now() < deadline) {
            const to = item.status === "TODO" ? "IN_PROGRESS" : "TODO";
            const t0 = now();
            const res = await fetch(`${base}/launches/${launchId}/checklist`, {
              method: "POST",
              headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", cookie: ownerCookie, origin: base },
              body: JSON.stringify([{ launchId, itemId: item.id, version: item.version, status: to }]),
            });
            const text = await res.text();
            lat.push(now() - t0);
            if (res.ok && text.includes('"ok":true')) {
              item.version++;
              item.status = to;
            } else {
              failed++;
              const fresh = await db.checklistItem.findUniqueOrThrow({ where: { id: item.id }, select: { version: true, status: true } });
              Object.assign(item, fresh);
            }
          }
        }),
      );
      const elapsed = now() - started;
      const cpu = treeCpuMs(pid) - cpu0;
      for (let i = 0; i < 50 && delivered < lat.length - failed; i++) await sleep(100);
      watcher.close();
      const ok = lat.length - failed;
      (results.ticks as unknown[]).push({ writers, ticks: ok, failed, ticksPerSecond: (ok * 1000) / elapsed, latency: summarize(lat), serverCpuMsPerTick: cpu / Math.max(1, ok), delivered, loadAverage: loadAverage() });
      log(JSON.stringify((results.ticks as unknown[]).at(-1)));
    }
  } finally {
    await browser?.close();
    await stopInstance(instance);
    await floor?.stop();
    await db.$disconnect();
    await testDb.stop();
  }

  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
  console.log(`\nLive with real pages: ${RATE} changes/s for ${SECONDS} s per audience (half renames, half item ticks)`);
  console.log("viewers (Chromium+emulated) | requests/change | server CPU ms/change (floor) | received p50/p99 ms (floor) | commit->DOM p50/p99 ms (upper bound: from before the command)");
  type Row = { viewers: number; browsers: number; emulated: number; requests: { perChange: number }; serverCpuMsPerChange: { net: number }; received: { p50: number; p99: number; delivered: number; expected: number }; dom: { p50: number; p99: number }; domFromSent: { p50: number; p99: number }; floor: { cpuMsPerChange: { net: number }; received: { p50: number; p99: number } } };
  for (const r of results.phases as Row[]) {
    console.log(
      `${r.viewers} (${r.browsers}+${r.emulated}) | ${f(r.requests.perChange)} | ${f(r.serverCpuMsPerChange.net)} (${f(r.floor.cpuMsPerChange.net)}) | ${f(r.received.p50)}/${f(r.received.p99)} (${f(r.floor.received.p50)}/${f(r.floor.received.p99)}) ${r.received.delivered}/${r.received.expected} | ${f(r.dom.p50)}/${f(r.dom.p99)} (${f(r.domFromSent.p50)}/${f(r.domFromSent.p99)})`,
    );
  }
  for (const r of results.phases as { viewers: number; pageTaskMsPerChange: Record<string, number> }[])
    if (Object.keys(r.pageTaskMsPerChange).length)
      console.log(`${r.viewers} viewers: browser main-thread ms per change: ${Object.entries(r.pageTaskMsPerChange).map(([p, ms]) => `${p} ${f(ms)}`).join(", ")}`);
  for (const r of results.phases as { viewers: number; bytesPerChange: { engineer: number; stakeholder: number } | null }[])
    if (r.bytesPerChange) console.log(`${r.viewers} viewers: bytes per change on one stream: engineer ${f(r.bytesPerChange.engineer)}, stakeholder ${f(r.bytesPerChange.stakeholder)}`);
  for (const t of results.ticks as { writers: number; ticksPerSecond: number; latency: { p50: number; p99: number }; serverCpuMsPerTick: number; failed: number }[])
    console.log(`server action, ${t.writers} writers: ${f(t.ticksPerSecond)} ticks/s, p50 ${f(t.latency.p50)} ms, p99 ${f(t.latency.p99)} ms, ${f(t.serverCpuMsPerTick)} ms server CPU per tick, ${t.failed} failed`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(process.env.RESULTS ?? "bench/results/live-browser-latest.json", JSON.stringify(results, null, 2) + "\n");
  process.exit(0);
}

await main();
