// Screenshots of the demo as a user sees it: desktop and phone, light and dark.
//   BASE=http://localhost:3000 [OUT=test-results/screens] node --import tsx scripts/screenshots.ts [path…]
// Without paths: every page (the README's three images are copied from here into docs/screenshots).
// Signs in as the demo manager; paths may use {launch} for the demo launch's id.
// The demo manager is not an instance admin: for /admin, `npm run admin:grant -- manager@liftoff.demo` first.
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const BASE = process.env.BASE ?? "http://localhost:3000";
const OUT = process.env.OUT ?? "test-results/screens";
const EMAIL = process.env.SHOT_EMAIL ?? "manager@liftoff.demo";
const EVERY_PAGE = [
  "/sign-in",
  "/sign-up",
  "/",
  "/launches/new",
  "/launches/{launch}",
  "/launches/{launch}/checklist",
  "/launches/{launch}/signoffs",
  "/launches/{launch}/windows",
  "/launches/{launch}/go-no-go",
  "/launches/{launch}/members",
  "/launches/{launch}/activity",
  "/calendar?view=month",
  "/calendar?view=week",
  "/calendar?view=timeline",
  "/admin",
];
const paths = process.argv.slice(2).length ? process.argv.slice(2) : EVERY_PAGE;
const variants = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
});
let launchId = "";
for (const scheme of ["light", "dark"] as const) {
  for (const v of variants) {
    const context = await browser.newContext({ viewport: v.viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const signIn = await page.request.post(`${BASE}/api/auth/sign-in/email`, {
      data: { email: EMAIL, password: "liftoff-demo" },
      headers: { origin: BASE },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    if (!launchId) {
      await page.goto(`${BASE}/`);
      const href = await page.locator('a[href^="/launches/"]').filter({ hasNotText: "New launch" }).first().getAttribute("href");
      launchId = href?.split("/")[2] ?? "";
    }
    for (const p of paths) {
      const url = p.replace("{launch}", launchId);
      const signedOut = url === "/sign-in" || url === "/sign-up";
      if (signedOut) await context.clearCookies();
      await page.goto(`${BASE}${url}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(400);
      const slug = p.replace("{launch}", "launch").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
      await page.screenshot({ path: `${OUT}/${slug}-${v.name}-${scheme}.png`, fullPage: true });
      if (signedOut) {
        await page.request.post(`${BASE}/api/auth/sign-in/email`, { data: { email: EMAIL, password: "liftoff-demo" }, headers: { origin: BASE } });
      }
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${OUT}`);
