import { expect, signUp, test, uid } from "./support/fixtures";
import { createShareLink, createTemplatedLaunch, postUpdate } from "./support/share";

// The audience outside the team: a signed-out browser on a share link sees a checklist tick and a status
// update appear live (over the bare Node share stream of scripts/serve.ts), the wall mode too, and the
// page ends when the link is revoked.

test("a signed-out browser on a share link sees a checklist tick and a status update appear live; revoking ends it", async ({ page, browser }) => {
  // Five pages and two streams; on a loaded CI machine each step can take seconds.
  test.setTimeout(300_000);
  const manager = await signUp(page, `Mia ${uid()}`);
  const launchId = await createTemplatedLaunch(page, `Shop go-live ${uid()}`);
  const url = await createShareLink(page, launchId, "Support desk");

  const outsider = await (await browser.newContext()).newPage();
  await outsider.goto(url);
  await expect(outsider.getByTestId("share-live")).toHaveAttribute("data-status", "live");
  await expect(outsider.getByRole("heading", { level: 2, name: "Not ready" })).toBeVisible();
  const section = outsider.getByTestId("share-section").filter({ hasText: "Functional testing" });
  await expect(section).toContainText("0 of");
  // Nothing but the allow-list: no names, no checklist rows, no sign-in chrome.
  await expect(outsider.getByText(manager.name)).toHaveCount(0);
  await expect(outsider.getByTestId("checklist-item")).toHaveCount(0);

  const wall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await wall.goto(`${url}/wall`);
  await expect(wall.getByTestId("share-wall")).toBeVisible();
  await expect(wall.getByTestId("share-live")).toHaveAttribute("data-status", "live");
  await expect(wall.getByTestId("share-wall").locator("a, button, input, select, textarea, [tabindex]")).toHaveCount(0);

  // The manager ticks a check: the share page's section moves, live.
  await page.goto(`/launches/${launchId}/checklist`);
  const row = page.getByTestId("checklist-item").filter({ hasText: "Supported browsers and devices checked" });
  await row.getByRole("button", { name: "Mark Supported browsers and devices checked done" }).click();
  await expect(row).toHaveAttribute("data-status", "DONE");
  await expect(row).not.toHaveAttribute("data-saving");
  await expect(section).toContainText("1 of", { timeout: 30_000 });

  // A status update appears on the share page and on the wall, without its author's name.
  const title = `Cutover started ${uid()}`;
  await postUpdate(page, launchId, title, "Checkout is read-only until 03:00.");
  await expect(outsider.getByRole("heading", { name: title })).toBeVisible({ timeout: 30_000 });
  await expect(outsider.getByText("Checkout is read-only until 03:00.")).toBeVisible();
  await expect(outsider.getByText(manager.name)).toHaveCount(0);
  await expect(wall.getByRole("heading", { name: title })).toBeVisible();

  // Revoked: the open page says so at once, and the link no longer opens.
  await page.goto(`/launches/${launchId}/share`);
  await page.getByRole("button", { name: "Revoke “Support desk”" }).click();
  await page.getByRole("button", { name: "Confirm revoke" }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(outsider.getByText("This link no longer works")).toBeVisible({ timeout: 30_000 });
  await expect(wall.getByText("This link no longer works")).toBeVisible();
  const again = await outsider.goto(url);
  expect(again?.status()).toBe(404);
  await outsider.context().close();
  await wall.context().close();
});
