import type { Browser, Page } from "@playwright/test";
import { expect, uid } from "./fixtures";

// The tour's launch from the web template (26 checks), for the share specs too.
export { createTemplatedLaunch } from "./tour";

/** The manager (on `page`) posts a status update on the overview and waits for the server's answer. */
export async function postUpdate(page: Page, launchId: string, title: string, message = "") {
  await page.goto(`/launches/${launchId}`);
  const card = page.getByRole("region", { name: "Status updates" });
  await card.getByRole("button", { name: "Post update" }).click();
  await card.getByLabel("Title").fill(title);
  if (message) await card.getByLabel("Message").fill(message);
  await card.getByLabel("Affected components").fill("Checkout API, Mobile app");
  await card.getByRole("button", { name: "Post update" }).click();
  await expect(card.locator("form[data-saving]")).toHaveCount(0);
  await expect(card.getByRole("heading", { name: title })).toBeVisible();
}

/** The manager (on `page`) creates a share link on the Share tab and returns its URL (shown once). */
export async function createShareLink(page: Page, launchId: string, name: string, opts: { showNames?: boolean } = {}) {
  await page.goto(`/launches/${launchId}/share`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (opts.showNames) await page.getByLabel(/Show who posted/).check();
  await page.getByRole("button", { name: "Create link" }).click();
  const url = page.getByTestId("share-url");
  await expect(url).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  return url.inputValue();
}

/** For the axe and width passes: a share link (with one update) on the tour's launch, made by its manager. */
export async function tourShareLink(browser: Browser, state: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>, launchPath: string) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const launchId = launchPath.split("/launches/")[1];
  // Each caller posts its own update: the light and dark passes may share one tour (one worker).
  await postUpdate(page, launchId, `Cutover started ${uid()}`, "Payments are read-only until 05:00 while the ledger migrates.");
  const url = new URL(await createShareLink(page, launchId, "Stakeholders"));
  await context.close();
  return url.pathname;
}
