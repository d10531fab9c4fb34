import AxeBuilder from "@axe-core/playwright";
import { grantAdmin } from "./support/admin";
import { expect, signUp, test, uid } from "./support/fixtures";

// Issue 14: the instance health page (admins only), and the environment edit dialog on /admin.
test("an admin reads the instance's health and edits an environment; everyone else sees the admins-only card", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const admin = await signUp(page);
  grantAdmin(admin.email);

  // An environment, renamed in its dialog; focus returns to its Edit button.
  const env = `health-${uid()}`;
  await page.goto("/admin");
  await page.getByLabel("Name").fill(env);
  await page.getByRole("button", { name: "Add environment" }).click();
  await page.getByRole("button", { name: `Edit environment ${env}` }).click();
  const dialog = page.getByRole("dialog", { name: "Edit environment" });
  await expect(dialog.getByLabel("Name")).toHaveValue(env);
  await dialog.getByLabel("Name").fill(`${env}-eu`);
  await dialog.getByLabel("Description").fill("Frankfurt");
  await dialog.getByRole("button", { name: "Save environment" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("environment-row").filter({ hasText: `${env}-eu` })).toContainText("Frankfurt");
  await expect(page.getByRole("button", { name: `Edit environment ${env}-eu` })).toBeFocused();

  // A one-off freeze whose edit dialog shows its times on the freeze zone's wall clock.
  const reason = `Year-end ${uid()}`;
  await page.getByLabel("Reason").fill(reason);
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByLabel("Freeze start").fill("2027-12-20 18:00");
  await page.getByLabel("Freeze end").fill("2028-01-04 08:00");
  await page.getByRole("button", { name: "Add freeze" }).click();
  await page.getByRole("button", { name: `Edit freeze ${reason}` }).click();
  const freezeDialog = page.getByRole("dialog", { name: "Edit freeze" });
  await expect(freezeDialog.getByLabel("Freeze start")).toHaveValue("2027-12-20 18:00");
  await expect(freezeDialog.getByLabel("Freeze end")).toHaveValue("2028-01-04 08:00");
  await freezeDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: `Edit freeze ${reason}` })).toBeFocused();

  await page.getByRole("link", { name: "Health" }).click();
  await expect(page.getByRole("heading", { name: "Instance health" })).toBeVisible();
  for (const id of ["database", "migrations", "live", "webhooks", "jobs"]) await expect(page.getByTestId(`health-${id}`)).toBeVisible();
  // OK or Slow follows the measured round trip (judged in lib/admin/round-trip.test.ts), so it depends on this
  // machine's load; what holds everywhere: reachable, and the badge agrees with the figure the card shows.
  const database = page.getByTestId("health-database");
  await expect(database).toContainText("ReachableYes");
  const fastest = Number((await database.getByText(/^\d+(\.\d)? ms$/).textContent())!.replace(" ms", ""));
  if (fastest <= 100) await expect(database).toContainText("OK");
  else await expect(database).toContainText("WarningSlow: the fastest of 3 select 1 round trips took over 100 ms.");
  await expect(page.getByTestId("health-migrations")).toContainText("All applied.");
  await expect(page.getByTestId("health-jobs")).toContainText("mail.send");
  await expect(page.getByText(/Read on this instance at .+ UTC\./)).toBeVisible();
  const readAt = await page.locator("time").first().getAttribute("datetime");
  await page.waitForTimeout(1_100);
  await page.getByRole("link", { name: "Refresh" }).click();
  await expect(page.locator("time").first()).not.toHaveAttribute("datetime", readAt!);

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Phone widths: nothing scrolls sideways. Screenshots for review, the admin page with its edit dialog open.
  for (const width of [320, 390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, storageState: await page.context().storageState() });
    const shot = await context.newPage();
    await shot.goto("/admin/health");
    const { scrollWidth, innerWidth } = await shot.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${width}px`).toBeLessThanOrEqual(innerWidth);
    await shot.screenshot({ path: testInfo.outputPath(`health-${width}.png`), fullPage: true });
    await shot.goto("/admin");
    await shot.screenshot({ path: testInfo.outputPath(`admin-${width}.png`), fullPage: true });
    await shot.getByRole("button", { name: `Edit freeze ${reason}` }).click();
    await shot.screenshot({ path: testInfo.outputPath(`admin-edit-${width}.png`) });
    await context.close();
  }

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await signUp(visitor);
  await visitor.goto("/admin/health");
  await expect(visitor.getByRole("heading", { name: "Instance admins only" })).toBeVisible();
  await expect(visitor.getByTestId("health-database")).toHaveCount(0);
  await other.close();
});
