import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Playwright's own Chromium where it is installed (a laptop with internet), else the system's
// (CI installs Debian's `chromium`; CHROMIUM_PATH overrides). scripts/test-all.ts installs Playwright's
// browser when neither exists.
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {}
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: a story test signs up two people and builds a launch through the UI; on a loaded 2-core
  // machine that alone has taken a minute. A hung test still ends, with its trace.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // What `npm start` serves: Next plus the bare Node live-feed handler (scripts/serve.ts).
    command: "node --import tsx --import ./scripts/server-only-hook.mjs scripts/serve.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "",
      BETTER_AUTH_URL: baseURL,
      // Many sign-ins from one address during the suite; the limiter itself has an integration test.
      AUTH_RATE_LIMIT_MAX: "10000",
    },
  },
});
