// Checklist page benchmark (issue #3): a launch with 500 items and 20 members, its page requested 50 times
// through `next start`, signed in. Prints median / p95 server time and the gzipped size of the HTML
// document (which carries the inline RSC payload) and of the RSC payload alone (client navigation).
//
//   NEXT_DIST_DIR=.next-checklist npx next build      (once)
//   NEXT_DIST_DIR=.next-checklist npm run bench:checklist
import { spawn, type ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import { createTestDatabase } from "../scripts/lib/test-db";

const PORT = Number(process.env.BENCH_PORT ?? 3651);
const REQUESTS = Number(process.env.REQUESTS ?? 50);
const ITEMS = 500;
const MEMBERS = 20;
const SECRET = "bench-secret-bench-secret-bench-secret-01";
const PASSWORD = "bench-password-123";
const base = `http://localhost:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed() {
  const { createPasswordUser } = await import("../lib/seed/users");
  const { createLaunch } = await import("../lib/launches/commands");
  const { db } = await import("../lib/db/client");
  const users = await Promise.all(
    Array.from({ length: MEMBERS }, (_, i) => createPasswordUser({ name: `Member ${i + 1}`, email: `member${i + 1}@bench.liftoff`, password: PASSWORD })),
  );
  const launch = await createLaunch({ userId: users[0], isAdmin: false }, { name: "Bench launch", system: "Payments", description: "", timeZone: "Europe/London" });
  await db.member.createMany({ data: users.slice(1).map((userId, i) => ({ launchId: launch.id, userId, role: i % 5 === 4 ? "VIEWER" : "ENGINEER" })) });
  const sections = await db.checklistSection.createManyAndReturn({
    data: ["Functional testing", "Performance testing", "Security testing", "Data migration", "Infrastructure", "Final checks", "Post-go-live monitoring"].map((title, position) => ({ launchId: launch.id, title, position })),
    select: { id: true },
  });
  const statuses = ["TODO", "TODO", "IN_PROGRESS", "DONE", "DONE", "BLOCKED", "NOT_APPLICABLE"] as const;
  const items = await db.checklistItem.createManyAndReturn({
    data: Array.from({ length: ITEMS }, (_, i) => {
      const status = statuses[i % statuses.length];
      return {
        launchId: launch.id,
        sectionId: sections[i % sections.length].id,
        position: Math.floor(i / sections.length),
        title: `Check ${i + 1}: verify the ${["API", "database", "queue", "cache", "CDN"][i % 5]} behaves under the agreed conditions`,
        description: "Run the documented procedure, compare with the acceptance criteria in the runbook, and attach the result.",
        ownerId: users[i % MEMBERS],
        dueOffsetMinutes: -1440 * ((i % 10) + 1),
        required: i % 4 !== 0,
        requiresEvidence: i % 6 === 0,
        status,
        statusReason: status === "BLOCKED" ? "Waiting for the vendor's fix" : status === "NOT_APPLICABLE" ? "Not in scope for this release" : null,
        evidenceNote: status === "DONE" ? "Passed; report attached." : "",
        evidenceLinks: status === "DONE" ? [`https://ci.example.com/runs/${1000 + i}`] : [],
      };
    }),
    select: { id: true },
  });
  await db.itemDependency.createMany({ data: items.slice(1).filter((_, i) => i % 3 === 0).map((it, i) => ({ itemId: it.id, predecessorId: items[i * 3].id })) });
  await db.itemComment.createMany({ data: items.filter((_, i) => i % 4 === 0).map((it) => ({ itemId: it.id, authorId: users[1], body: "Looks good to me." })) });
  await db.$disconnect();
  return { launchId: launch.id, email: "member1@bench.liftoff" };
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: base, AUTH_RATE_LIMIT_MAX: "100000" },
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return child;
    } catch {}
    await sleep(250);
  }
  child.kill("SIGTERM");
  throw new Error("next start did not come up; build first (see the header of this file)");
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const testDb = await createTestDatabase();
process.env.DATABASE_URL = testDb.url;
process.env.BETTER_AUTH_SECRET = SECRET;
let server: ChildProcess | undefined;
try {
  console.log(`▸ Seeding ${ITEMS} items and ${MEMBERS} members …`);
  const { launchId, email } = await seed();
  server = await startServer(testDb.url);
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const url = `${base}/launches/${launchId}/checklist`;
  const get = async (headers: Record<string, string> = {}) => {
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie, ...headers } });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    return { ms: performance.now() - start, body };
  };
  for (let i = 0; i < 3; i++) await get(); // warm-up: first requests compile and fill caches
  const times: number[] = [];
  let html = Buffer.alloc(0);
  for (let i = 0; i < REQUESTS; i++) {
    const r = await get();
    times.push(r.ms);
    html = r.body;
  }
  if (!html.includes(Buffer.from("Check 500:"))) throw new Error("the page did not render all 500 items");
  const rsc = (await get({ RSC: "1" })).body;
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`\nChecklist page, ${ITEMS} items, ${MEMBERS} members, ${REQUESTS} sequential requests (after 3 warm-up):`);
  console.log(`  server time   median ${pct(sorted, 50).toFixed(1)} ms   p95 ${pct(sorted, 95).toFixed(1)} ms   min ${sorted[0].toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`);
  console.log(`  HTML document ${kb(html.length)} raw, ${kb(gzipSync(html).length)} gzipped (includes the inline RSC payload)`);
  console.log(`  RSC payload   ${kb(rsc.length)} raw, ${kb(gzipSync(rsc).length)} gzipped (client-side navigation)`);
  const budget = 150 * 1024;
  const size = gzipSync(html).length;
  console.log(size < budget ? `  ✓ under the 150 KB gzipped budget` : `  ✖ over the 150 KB gzipped budget`);
  process.exitCode = size < budget ? 0 : 1;
} finally {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  await testDb.stop();
}
process.exit(process.exitCode ?? 0);
