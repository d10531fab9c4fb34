// `npm test`: every gate, in order, stopping at the first failure:
// version floors, lint, typecheck, unit, integration (real Postgres), build, e2e (real Chromium against the built app).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createTestDatabase } from "./lib/test-db";

const bin = (name: string) => `node_modules/.bin/${name}`;
const results: { step: string; seconds: number; ok: boolean }[] = [];

let testsPassed = 0;
let testsFailed = 0;
const ANSI = new RegExp(String.fromCharCode(27) + "\\[[0-9;]*m", "g");

/** Runs one step with its output streamed through, and counts the tests its runner reports. */
async function run(step: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${step} ━━`);
  const started = Date.now();
  const child = spawn(cmd, args, { stdio: ["inherit", "pipe", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "1", ...env } });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    out += chunk.toString();
  });
  const status: number = await new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  const plain = out.replace(ANSI, "");
  // vitest: "Tests  452 passed (452)" or "Tests  2 failed | 450 passed"; Playwright: "9 passed (2.2m)".
  const vitest = /Tests\s+(?:(\d+) failed \| )?(\d+) passed/.exec(plain);
  const playwright = [...plain.matchAll(/^\s*(\d+) (passed|failed)/gm)];
  if (vitest) {
    testsFailed += Number(vitest[1] ?? 0);
    testsPassed += Number(vitest[2]);
  } else if (step === "e2e") {
    for (const m of playwright) {
      if (m[2] === "passed") testsPassed += Number(m[1]);
      else testsFailed += Number(m[1]);
    }
  }
  const ok = status === 0;
  results.push({ step, seconds: (Date.now() - started) / 1000, ok });
  if (!ok) throw new StepFailed(step);
}

class StepFailed extends Error {}

function finish(code: number) {
  console.log("\n━━ summary ━━");
  for (const r of results) console.log(`${r.ok ? "✔" : "✖"} ${r.step.padEnd(12)} ${r.seconds.toFixed(1)} s`);
  console.log(`steps: ${results.filter((r) => r.ok).length} of ${results.length} passed`);
  console.log(`tests: ${testsPassed} passed, ${testsFailed} failed`);
  process.exit(code);
}

/** Playwright's own Chromium, else the system's; failing both, install Playwright's (needs internet). */
async function ensureBrowser() {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return;
  const probe = spawnSync(process.execPath, ["-e", "const {chromium}=require('@playwright/test');process.exit(require('fs').existsSync(chromium.executablePath())?0:1)"]);
  if (probe.status === 0) return;
  return run("browser", bin("playwright"), ["install", "chromium"]);
}

// TEST_STEPS=unit,integration,build,e2e runs a subset (CI's second Node); E2E_SPECS narrows e2e to some files.
const STEPS = ["floors", "lint", "typecheck", "unit", "integration", "build", "e2e"] as const;
const wanted = new Set(process.env.TEST_STEPS ? process.env.TEST_STEPS.split(",").map((s) => s.trim()) : STEPS);
for (const step of wanted) {
  if (!(STEPS as readonly string[]).includes(step)) {
    console.error(`TEST_STEPS: unknown step "${step}" (steps: ${STEPS.join(", ")})`);
    process.exit(2);
  }
}
const e2eSpecs = process.env.E2E_SPECS ? process.env.E2E_SPECS.split(/\s+/).filter(Boolean) : [];

async function step(name: (typeof STEPS)[number], cmd: string, args: string[], env: Record<string, string> = {}) {
  if (wanted.has(name)) await run(name, cmd, args, env);
}

async function main() {
  await step("floors", process.execPath, ["--import", "tsx", "scripts/check-floors.ts"]);
  await step("lint", bin("eslint"), ["--max-warnings=0", "."]);
  await step("typecheck", bin("tsc"), ["--noEmit", "-p", "."]);
  await step("unit", bin("vitest"), ["run", "--project", "unit"]);
  if (!wanted.has("integration") && !wanted.has("build") && !wanted.has("e2e")) return;
  const db = await createTestDatabase();
  const dbEnv = {
    DATABASE_URL: db.url,
    LIFTOFF_ADMIN_DATABASE_URL: db.adminUrl,
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    BETTER_AUTH_URL: "http://localhost:3000",
  };
  try {
    await step("integration", bin("vitest"), ["run", "--project", "integration"], dbEnv);
    await step("build", process.execPath, ["node_modules/next/dist/bin/next", "build"], { NODE_ENV: "production" });
    if (wanted.has("e2e")) await ensureBrowser();
    await step("e2e", bin("playwright"), ["test", ...e2eSpecs], dbEnv);
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
