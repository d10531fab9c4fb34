// Checklist page benchmark (issue #3): a launch with 500 items and 20 members, its page requested 50 times
// through `next start`, signed in. Prints median / p95 server time and the gzipped size of the HTML
// document (which carries the inline RSC payload) and of the RSC payload alone (client navigation), and the
// server's CPU time per request beside wall time (the machine may be shared). Results: bench/results/.
//
//   NEXT_DIST_DIR=.next-checklist npx next build      (once)
//   NEXT_DIST_DIR=.next-checklist npm run bench:checklist
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { createTestDatabase } from "../scripts/lib/test-db";
import { SECRET, loadAverage, sleep, startInstance, stopInstance, treeCpuMs } from "./lib/instance";
import { BENCH_PASSWORD, seedLaunch } from "./lib/seed";

const PORT = Number(process.env.BENCH_PORT ?? 3651);
const REQUESTS = Number(process.env.REQUESTS ?? 50);
const ITEMS = Number(process.env.ITEMS ?? 500);
const MEMBERS = 20;
const base = `http://localhost:${PORT}`;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const testDb = await createTestDatabase();
process.env.DATABASE_URL = testDb.url;
process.env.BETTER_AUTH_SECRET = SECRET;
let server: ChildProcess | undefined;
try {
  console.log(`▸ Seeding ${ITEMS} items and ${MEMBERS} members …`);
  const { launchId, ownerEmail: email } = await seedLaunch({ items: ITEMS, members: MEMBERS });
  await (await import("../lib/db/client")).db.$disconnect();
  // Seeding enqueued through this process's job sender; closed now, not cut off when the database stops.
  await (await import("../lib/jobs/boss")).stopSender();
  // SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server while it answers.
  server = await startInstance({ port: PORT, databaseUrl: testDb.url, server: "next", nodeArgs: process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean) });
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const url = `${base}/launches/${launchId}/checklist`;
  const get = async (target: string, headers: Record<string, string> = {}) => {
    const start = performance.now();
    const res = await fetch(target, { headers: { cookie, ...headers } });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`GET ${target}: ${res.status}`);
    return { ms: performance.now() - start, body };
  };
  // Statements the server sends per request: every statement outside a transaction commits one of its own
  // (Prisma and better-auth send them so), so the database's commit count moves by one per statement. Each
  // is a round trip and, on this machine, a wake-up of a Postgres backend sharing the two cores.
  const stats = new pg.Client({ connectionString: testDb.url });
  await stats.connect();
  const commits = async () => {
    await sleep(10_500); // an idle backend reports its counts within 10 s (PGSTAT_IDLE_INTERVAL)
    await stats.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await stats.query<{ n: string }>("SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0].n);
  };
  // Wall time per request, and the server's CPU time per request (its process tree, from /proc): on a
  // machine shared with other work the CPU time is the figure that does not depend on the neighbours.
  const measure = async (target: string, n: number, headers: Record<string, string> = {}) => {
    for (let i = 0; i < 3; i++) await get(target, headers); // warm-up: first requests compile and fill caches
    const times: number[] = [];
    let body = Buffer.alloc(0);
    const commits0 = await commits();
    const cpu0 = treeCpuMs(server!.pid!);
    for (let i = 0; i < n; i++) {
      const r = await get(target, headers);
      times.push(r.ms);
      body = r.body;
    }
    const cpuMs = (treeCpuMs(server!.pid!) - cpu0) / n;
    // Less this client's own two (the snapshot reset and the read).
    const statements = (await commits()) - commits0 - 2;
    const sorted = [...times].sort((x, y) => x - y);
    return { median: pct(sorted, 50), p95: pct(sorted, 95), min: sorted[0], max: sorted.at(-1)!, cpuMs, statements: statements / n, body };
  };
  const page = await measure(url, REQUESTS);
  const html = page.body;
  if (!html.includes(Buffer.from(`Check ${ITEMS}:`))) throw new Error(`the page did not carry all ${ITEMS} items`);
  const rscNav = await measure(url, Math.ceil(REQUESTS / 2), { RSC: "1" });
  const rsc = rscNav.body;
  const json = await measure(`${base}/api/launches/${launchId}/view/checklist`, Math.ceil(REQUESTS / 2));
  // The same launch's overview: what any launch page costs besides its own content (layout, session,
  // header, readiness, the framework's render), to tell the checklist's share from the fixed part.
  const overview = await measure(`${base}/launches/${launchId}`, Math.ceil(REQUESTS / 2));
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const line = (r: typeof page) =>
    `median ${ms(r.median)}   p95 ${ms(r.p95)}   min ${ms(r.min)}   server CPU ${ms(r.cpuMs)}, ${r.statements.toFixed(1)} SQL statements per request`;
  console.log(`\nChecklist page, ${ITEMS} items, ${MEMBERS} members, ${REQUESTS} sequential requests (after 3 warm-up), load average ${loadAverage().join(" ")}:`);
  console.log(`  page (HTML)     ${line(page)}`);
  console.log(`  page (RSC nav)  ${line(rscNav)}`);
  console.log(`  GET view JSON   ${line(json)}   (what the browser's refetch costs; ${kb(json.body.length)})`);
  console.log(`  overview (HTML) ${line(overview)}   (the same launch's overview page, for the fixed cost of a page)`);
  console.log(`  HTML document ${kb(html.length)} raw, ${kb(gzipSync(html).length)} gzipped (includes the inline RSC payload)`);
  console.log(`  RSC payload   ${kb(rsc.length)} raw, ${kb(gzipSync(rsc).length)} gzipped (client-side navigation)`);
  const strip = ({ body, ...r }: typeof page) => ({ ...r, bytes: body.length, gzipped: gzipSync(body).length });
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/checklist-latest.json", JSON.stringify({ items: ITEMS, members: MEMBERS, requests: REQUESTS, loadAverage: loadAverage(), page: strip(page), rscNavigation: strip(rscNav), viewJson: strip(json), overview: strip(overview) }, null, 2) + "\n");
  const budget = 150 * 1024;
  const size = gzipSync(html).length;
  console.log(size < budget ? `  ✓ under the 150 KB gzipped budget` : `  ✖ over the 150 KB gzipped budget`);
  process.exitCode = size < budget ? 0 : 1;
  await stats.end();
} finally {
  await stopInstance(server);
  await testDb.stop();
}
process.exit(process.exitCode ?? 0);
