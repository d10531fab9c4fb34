// `npm start`: one command from a fresh clone to a running dashboard.
// Postgres (embedded unless DATABASE_URL is set) -> migrations -> demo seed (once, never in production)
// -> admins from LIFTOFF_ADMIN_EMAILS -> build if stale -> serve.
// It supervises what it started: if the server or the embedded Postgres dies, it is restarted with a
// growing delay (logged); after 5 quick deaths in a row everything stops with exit code 1, so nothing
// lingers half-alive and an outer supervisor sees the failure. Ctrl-C stops the server and Postgres.
//   npm start [-- --no-build]    (--no-build: serve the existing build as it is, e.g. one made at image build)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { migrate } from "../lib/db/migrations";
import { localAuthSecret, resolveDatabase, type ResolvedDatabase } from "./lib/database";
import { Supervisor, type Running } from "./lib/supervise";
import { seedsDemo } from "./lib/exposure";

const dev = process.argv.includes("--dev");
const noBuild = process.argv.includes("--no-build");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const distDir = process.env.NEXT_DIST_DIR || ".next";

let database: ResolvedDatabase = await resolveDatabase();
let databaseSupervisor: Supervisor | undefined;
let serverSupervisor: Supervisor | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await serverSupervisor?.stop().catch(() => {});
  if (databaseSupervisor) await databaseSupervisor.stop().catch(() => {});
  else await database.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const applied = await migrate(database.url);
  console.log(applied.length ? `▸ Applied migrations: ${applied.join(", ")}` : "▸ Database schema is up to date");

  process.env.DATABASE_URL = database.url;
  const secret = process.env.BETTER_AUTH_SECRET ?? (database.embedded ? localAuthSecret() : undefined);
  if (!secret && !dev) {
    throw new Error("BETTER_AUTH_SECRET is required with an external DATABASE_URL (32+ random characters).");
  }
  if (secret) process.env.BETTER_AUTH_SECRET = secret;
  const { parseEnv } = await import("../lib/env");
  const env = parseEnv({ ...process.env, NODE_ENV: dev ? "development" : process.env.NODE_ENV === "production" ? "production" : "development" });

  // The demo is for a local machine: seeded by default only on the embedded database outside production.
  const production = process.env.NODE_ENV === "production";
  const seedDemoOn = seedsDemo({ setting: process.env.LIFTOFF_SEED_DEMO, embedded: database.embedded, production });
  let demo: { email: string; password: string } | undefined;
  if (seedDemoOn) {
    const { seedDemo, DEMO_USERS, DEMO_PASSWORD } = await import("../lib/seed");
    const result = await seedDemo();
    if (result.created) console.log("▸ Seeded the demo launch");
    demo = { email: DEMO_USERS[0].email, password: DEMO_PASSWORD };
  }
  if (env.LIFTOFF_ADMIN_EMAILS.length) {
    const { applyAdminEmails } = await import("../lib/auth/admin");
    const granted = await applyAdminEmails(env.LIFTOFF_ADMIN_EMAILS);
    if (granted.length) console.log(`▸ Instance admin granted (LIFTOFF_ADMIN_EMAILS): ${granted.join(", ")}`);
  }
  const { db } = await import("../lib/db/client");
  await db.$disconnect();

  if (!dev && !noBuild && needsBuild()) {
    console.log("▸ Building the app (first start, or sources changed) …");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  if (!dev && !existsSync(path.resolve(distDir, "BUILD_ID"))) throw new Error(`No build in ${distDir}: run without --no-build, or \`npx next build\`.`);

  if (database.embedded && database.restart) {
    let first = true;
    databaseSupervisor = new Supervisor({
      name: "PostgreSQL",
      start: async () => {
        if (!first) database = await database.restart!();
        first = false;
        return { exited: database.exited ?? new Promise(() => {}), stop: () => database.stop() };
      },
      onGiveUp: () => void shutdown(1),
    });
    await databaseSupervisor.start();
  }

  const url = process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
  // scripts/serve.ts in both modes (Next plus a bare Node handler for the live feed, behind the HTTP edge,
  // working the job queues); `--dev` runs Next in development mode. Plain `next dev` would bypass the edge.
  const serverArgs = ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/serve.ts", ...(dev ? ["--dev"] : [])];
  const serverEnv = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: dev ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: secret,
    BETTER_AUTH_URL: url,
    ...(demo ? { LIFTOFF_DEMO_HINT: "1" } : {}),
  } as NodeJS.ProcessEnv;
  serverSupervisor = new Supervisor({
    name: "the server",
    start: async () => startServer(serverArgs, serverEnv),
    onGiveUp: () => void shutdown(1),
  });
  await serverSupervisor.start();
  console.log(`\n  Liftoff is starting on ${url}`);
  if (demo) console.log(`  Demo sign-in: ${demo.email} / ${demo.password} (also engineer@, approver@, viewer@liftoff.demo)\n`);
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  await shutdown(1);
}

function startServer(args: string[], env: NodeJS.ProcessEnv): Running {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env });
  console.log(`▸ Server process ${child.pid}`);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ? `was killed (${signal})` : `exited with code ${code}`)),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  };
  return { exited, stop };
}

/** True when there is no build, or a source file is newer than it. */
function needsBuild() {
  const stamp = path.resolve(distDir, "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const roots = ["app", "components", "lib", "proxy.ts", "next.config.js", "package-lock.json", "prisma/schema.prisma"];
  const newer = (p: string): boolean => {
    if (!existsSync(p)) return false;
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs > built;
    return readdirSync(p).some((name) => name !== "generated" && newer(path.join(p, name)));
  };
  return roots.some((r) => newer(path.resolve(r)));
}
