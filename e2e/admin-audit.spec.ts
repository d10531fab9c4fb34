import AxeBuilder from "@axe-core/playwright";
import { grantAdmin } from "./support/admin";
import { createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// Instance administration (issue 14): an admin finds a change in the audit search by actor and type.
test("an admin makes a change and finds it in the audit search by actor and type; the search lives in the URL", async ({ page, browser }, testInfo) => {
  // Sign-up, a launch through the UI and six viewport renders: minutes on a loaded 2-core machine.
  test.setTimeout(300_000);
  const admin = await signUp(page, `Auditor ${uid()}`);
  grantAdmin(admin.email);
  const launchName = `Audited launch ${uid()}`;
  const launchId = await createLaunch(page, launchName);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Audit", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();

  const search = page.getByRole("search", { name: "Audit search" });
  await search.getByLabel("Actor").fill(admin.email);
  await search.getByLabel("Event type").selectOption("launch.created");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]type=launch\.created/);
  expect(new URL(page.url()).searchParams.get("actor")).toBe(admin.email);

  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText(`${admin.name} created the launch`);
  await expect(row).toContainText(admin.email);
  await expect(row).toContainText("launch.created");
  await expect(row.getByRole("link", { name: launchName })).toHaveAttribute("href", `/launches/${launchId}`);
  await row.getByText("Raw record").click();
  await expect(row.locator("pre")).toContainText(`"name": "${launchName}"`);

  // Part of the name finds the same person; the back button returns to the previous search.
  const filtered = page.url();
  await search.getByLabel("Actor").fill(admin.name.split(" ")[1]);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/actor=[0-9a-f]{8}/);
  await expect(rows).toHaveCount(1);
  await page.goBack();
  await expect(page).toHaveURL(filtered);
  await expect(search.getByLabel("Actor")).toHaveValue(admin.email);

  // A search for another type by the same person finds nothing, and says so.
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}&type=runbook.paused`);
  await expect(page.getByRole("heading", { name: "No events match" })).toBeVisible();

  // Bad input is a message on the page, not an error page.
  const bad = await page.goto("/admin/audit?from=2026-12-01T10:00&to=2026-11-30T10:00&before=abc");
  expect(bad?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "“To” must be after “From”" }).first()).toBeVisible();
  await expect(page.getByText("This page link is broken: start the search again")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("audit-errors-1280-light.png"), fullPage: true });

  // Phone width: nothing scrolls sideways, even with the raw record open. Screenshots for review.
  await page.goto(filtered);
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [320, 390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, storageState: await page.context().storageState() });
      const shot = await context.newPage();
      await shot.goto(`/admin/audit?type=launch.&actor=${encodeURIComponent(admin.email)}`);
      await shot.getByTestId("audit-row").first().getByText("Raw record").click();
      const { scrollWidth, innerWidth } = await shot.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${width}px ${colorScheme}`).toBeLessThanOrEqual(innerWidth);
      if (width !== 320) await shot.screenshot({ path: testInfo.outputPath(`audit-${width}-${colorScheme}.png`), fullPage: true });
      if (width === 1280) {
        const { violations } = await new AxeBuilder({ page: shot }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
        expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      }
      await context.close();
    }
  }

  // Everyone else reads the same card as the admin page.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await signUp(visitor);
  await visitor.goto("/admin/audit");
  await expect(visitor.getByRole("heading", { name: "Instance admins only" })).toBeVisible();
  await expect(visitor.getByTestId("audit-row")).toHaveCount(0);
  await other.close();
});
