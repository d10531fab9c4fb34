// `npm test`: every gate, in order, stopping at the first failure:
// lint, typecheck, unit, integration (real Postgres), build, e2e (real Chromium against the built app).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createTestDatabase } from "./lib/test-db";

const bin = (name: string) => `node_modules/.bin/${name}`;
const results: { step: string; seconds: number; ok: boolean }[] = [];

function run(step: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${step} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const ok = r.status === 0;
  results.push({ step, seconds: (Date.now() - started) / 1000, ok });
  if (!ok) throw new StepFailed(step);
}

class StepFailed extends Error {}

function finish(code: number) {
  console.log("\n━━ summary ━━");
  for (const r of results) console.log(`${r.ok ? "✔" : "✖"} ${r.step.padEnd(12)} ${r.seconds.toFixed(1)} s`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(code);
}

/** Playwright's own Chromium, else the system's; failing both, install Playwright's (needs internet). */
function ensureBrowser() {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return;
  const probe = spawnSync(process.execPath, ["-e", "const {chromium}=require('@playwright/test');process.exit(require('fs').existsSync(chromium.executablePath())?0:1)"]);
  if (probe.status === 0) return;
  run("browser", bin("playwright"), ["install", "chromium"]);
}

async function main() {
  run("lint", bin("eslint"), ["--max-warnings=0", "."]);
  run("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
  run("unit", bin("vitest"), ["run", "--project", "unit"]);
  const db = await createTestDatabase();
  const dbEnv = {
    DATABASE_URL: db.url,
    LIFTOFF_ADMIN_DATABASE_URL: db.adminUrl,
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    BETTER_AUTH_URL: "http://localhost:3000",
  };
  try {
    run("integration", bin("vitest"), ["run", "--project", "integration"], dbEnv);
    run("build", process.execPath, ["node_modules/next/dist/bin/next", "build"], { NODE_ENV: "production" });
    ensureBrowser();
    run("e2e", bin("playwright"), ["test"], dbEnv);
  } finally {
    await db.stop();
  }
}

try {
  await main();
  finish(0);
} catch (error) {
  if (!(error instanceof StepFailed)) console.error(error);
  finish(1);
}
