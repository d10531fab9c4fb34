import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import type { Page } from "@playwright/test";
import { expect, signUp, test, uid } from "./support/fixtures";

/** No sideways scroll at 320 px, and no serious axe finding in light or dark at 1280 px. */
async function expectClean(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }
}

// The launches list shows a page of launches at a time, however many there are, and pages back and forth.
// The 31 launches are inserted directly: arranging state, not exercising it.

test("more launches than a page: the newest 30 first, then the older ones, and a link that was edited says so", async ({ page }) => {
  const user = await signUp(page);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const tag = uid();
  try {
    const [{ id: userId }] = (await client.query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [user.email])).rows;
    for (let i = 0; i < 31; i++) {
      const launchId = `e2e-l-${tag}-${String(i).padStart(2, "0")}`;
      await client.query(`INSERT INTO launch (id, name, system, time_zone, updated_at) VALUES ($1, $2, 'Core banking', 'Europe/London', $3)`, [
        launchId,
        `Paged ${tag} #${i}`,
        new Date(Date.UTC(2026, 0, 1, 0, i)),
      ]);
      await client.query(`INSERT INTO member (id, launch_id, user_id, role) VALUES ($1, $2, $3, 'MANAGER')`, [`e2e-m-${tag}-${i}`, launchId, userId]);
    }
  } finally {
    await client.end();
  }

  await page.goto("/");
  await expect(page.getByText("Every go-live you are part of, most recently active first.")).toBeVisible();
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Admin" })).toHaveCount(0);
  const cards = page.getByRole("list", { name: "Your launches" }).getByRole("listitem");
  await expect(cards).toHaveCount(30);
  await expect(cards.first()).toContainText(`Paged ${tag} #30`);
  await expect(page.getByText(`Paged ${tag} #0`, { exact: true })).toHaveCount(0);

  await page.getByRole("link", { name: "Older launches" }).click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(`Paged ${tag} #0`);
  await expect(page.getByRole("link", { name: "Older launches" })).toHaveCount(0);
  await expectClean(page);

  await page.getByRole("link", { name: "Most recent launches" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(cards).toHaveCount(30);

  await page.goto("/?before=not-a-page");
  await expect(page.getByRole("status").filter({ hasText: "That page link is not one this list made" })).toBeVisible();
  await expect(cards).toHaveCount(30);
  await expectClean(page);

  // An instance admin's list is every launch of the instance, and the page says so.
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`UPDATE "user" SET is_admin = true WHERE email = $1`, [user.email]);
  } finally {
    await admin.end();
  }
  await page.goto("/");
  await expect(page.getByText("Every go-live on this instance (you are an instance admin), most recently active first.")).toBeVisible();
  await expect(page.getByText("Every go-live you are part of")).toHaveCount(0);
  // ... and the admin area is one click away from every page.
  await main.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(main.getByRole("link", { name: "Admin" })).toHaveAttribute("aria-current", "page");
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
});
