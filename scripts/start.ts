// `npm start`: one command from a fresh clone to a running dashboard.
// Postgres (embedded unless DATABASE_URL is set) -> migrations -> demo seed (once) -> build if stale -> serve.
// Ctrl-C stops the server and the embedded Postgres, leaving nothing behind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { migrate } from "../lib/db/migrations";
import { localAuthSecret, resolveDatabase } from "./lib/database";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.resolve("node_modules/next/dist/bin/next");

const database = await resolveDatabase();
let server: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  await database.stop();
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
  const seedDemoOn = (process.env.LIFTOFF_SEED_DEMO ?? (database.embedded ? "1" : "0")) === "1";
  let demo: { email: string; password: string } | undefined;
  if (seedDemoOn) {
    const { seedDemo, DEMO_USERS, DEMO_PASSWORD } = await import("../lib/seed");
    const result = await seedDemo();
    if (result.created) console.log("▸ Seeded the demo launch");
    demo = { email: DEMO_USERS[0].email, password: DEMO_PASSWORD };
  }

  if (!dev && needsBuild()) {
    console.log("▸ Building the app (first start, or sources changed) …");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const url = process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`;
  // Production: scripts/serve.ts (Next plus a bare Node handler for the live feed); dev: `next dev`.
  const serverArgs = dev
    ? [nextBin, "dev", "-p", String(port)]
    : ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/serve.ts"];
  server = spawn(process.execPath, serverArgs, {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: url,
      ...(demo ? { LIFTOFF_DEMO_HINT: "1" } : {}),
    },
  });
  server.once("exit", (code) => void shutdown(code ?? 0));
  console.log(`\n  Liftoff is starting on ${url}`);
  if (demo) console.log(`  Demo sign-in: ${demo.email} / ${demo.password} (also engineer@, approver@, viewer@liftoff.demo)\n`);
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  await shutdown(1);
}

/** True when there is no build, or a source file is newer than it. */
function needsBuild() {
  const stamp = path.resolve(".next/BUILD_ID");
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
