// Temporary screenshot driver (not part of the repo; deleted after use).
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { createTestDatabase } from "./scripts/lib/test-db";

const PORT = 3202;
const base = `http://localhost:${PORT}`;
const SECRET = "shots-secret-shots-secret-shots-secret-01";
const testDb = await createTestDatabase();
process.env.DATABASE_URL = testDb.url;
process.env.BETTER_AUTH_SECRET = SECRET;
const { seedDemo } = await import("./lib/seed");
const seeded = await seedDemo();
console.log("seeded", seeded);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: testDb.url, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: base, AUTH_RATE_LIMIT_MAX: "100000" },
  stdio: "ignore",
});
try {
  for (let i = 0; i < 240; i++) {
    try { if ((await fetch(`${base}/api/health`)).ok) break; } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-first-run", "--disable-dev-shm-usage"] });
  for (const [who, email] of [["manager", "manager@liftoff.demo"], ["engineer", "engineer@liftoff.demo"]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      for (const [label, width] of [["desktop", 1280], ["phone", 390]] as const) {
        if (who === "engineer" && (scheme === "dark" || label === "phone")) continue;
        const ctx = await browser.newContext({ viewport: { width, height: label === "phone" ? 844 : 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        const res = await page.request.post(`${base}/api/auth/sign-in/email`, { data: { email, password: "liftoff-demo" }, headers: { origin: base } });
        if (!res.ok()) throw new Error(await res.text());
        await page.goto(`${base}/launches/${seeded.launchId}/checklist`);
        await page.waitForSelector('[data-testid="checklist-item"]');
        await page.waitForTimeout(500);
        await page.screenshot({ path: `/tmp/shots-checklist/${who}-${label}-${scheme}.png`, fullPage: label === "desktop" && who === "manager" && scheme === "light" });
        await page.screenshot({ path: `/tmp/shots-checklist/${who}-${label}-${scheme}-top.png` });
        await page.getByTestId("checklist-item").filter({ hasText: "Load test at 2x" }).getByRole("button", { name: /Load test at 2x/ }).last().click();
        await page.waitForSelector('[data-testid="item-drawer"]');
        await page.waitForTimeout(800);
        await page.screenshot({ path: `/tmp/shots-checklist/${who}-${label}-${scheme}-drawer.png` });
        await page.keyboard.press("Escape");
        if (label === "desktop" && scheme === "light" && who === "manager") {
          await page.goto(`${base}/launches/${seeded.launchId}/checklist?blocked=1`);
          await page.waitForTimeout(500);
          await page.screenshot({ path: `/tmp/shots-checklist/${who}-filtered.png` });
          await page.goto(`${base}/launches/${seeded.launchId}/checklist`);
          await page.waitForSelector('[data-testid="checklist-item"]');
          await page.getByTestId("checklist-item").filter({ hasText: "DNS TTLs" }).getByRole("button", { name: /Actions for/ }).click();
          await page.waitForTimeout(300);
          await page.screenshot({ path: `/tmp/shots-checklist/${who}-menu.png` });
          await page.keyboard.press("Escape");
          await page.keyboard.press("?");
          await page.waitForTimeout(300);
          await page.screenshot({ path: `/tmp/shots-checklist/${who}-shortcuts.png` });
        }
        await ctx.close();
      }
    }
  }
  await browser.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await testDb.stop();
}
process.exit(0);
