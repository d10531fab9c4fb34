import type { Page } from "@playwright/test";
import { addMember, expect, signUp, test, uid } from "./support/fixtures";

// Issue 11: two managers edit the same item's title in the drawer. The second save must not overwrite the
// first silently: its author is told of the conflict, sees the first one's title, and keeps their input.

const TEMPLATE = "Web application go-live";
const ITEM = "Load test at 2x expected peak";

/** A launch from the web template, chosen by its name whatever the option's count or scope label says. */
async function createLaunchFromTemplate(page: Page, name: string) {
  await page.goto("/launches/new");
  await page.getByLabel("Launch name").fill(name);
  await page.getByLabel("System going live").fill("Core banking");
  await page.getByLabel("Time zone").selectOption("Europe/London");
  const templates = page.getByLabel("Start from a template");
  const label = (await templates.locator("option", { hasText: TEMPLATE }).textContent())!.trim();
  await templates.selectOption({ label });
  await page.getByRole("button", { name: "Create launch" }).click();
  await page.waitForURL((url) => /^\/launches\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/launches/")[1];
}

async function openEditor(page: Page, launchId: string, title: string) {
  await page.goto(`/launches/${launchId}/checklist`);
  const row = page.getByTestId("checklist-item").filter({ hasText: title });
  await row.getByRole("button", { name: /Actions for/ }).click();
  await page.getByRole("menuitem", { name: "Open details" }).click();
  const drawer = page.getByTestId("item-drawer");
  await drawer.getByRole("button", { name: "Edit item" }).click();
  return drawer;
}

test("two managers edit one item's title: the second is told, sees the first's title, and nothing is overwritten", async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const second = await signUp(other, `Second manager ${uid()}`);
  const first = await signUp(page, `First manager ${uid()}`);
  const launchId = await createLaunchFromTemplate(page, `Conflict launch ${uid()}`);
  await addMember(page, launchId, other, second.email, "MANAGER");

  // Both open the same item's editor before either saves.
  const firstDrawer = await openEditor(page, launchId, ITEM);
  const secondDrawer = await openEditor(other, launchId, ITEM);

  await firstDrawer.getByLabel("Title").fill("Load test at 3x peak (first)");
  await firstDrawer.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Item saved")).toBeVisible();

  // The second manager's drawer may already show the first's change live; their form still holds their
  // own edit, made on the version they opened.
  await secondDrawer.getByLabel("Title").fill("Load test at 2x peak (second)");
  await secondDrawer.getByRole("button", { name: "Save", exact: true }).click();
  const notice = secondDrawer.getByRole("alert").filter({ hasText: "saved this item while you were editing it" });
  await expect(notice).toContainText(first.name);
  await expect(notice.getByTestId("conflict-title")).toHaveText("Load test at 3x peak (first)");
  await expect(secondDrawer.getByLabel("Title")).toHaveValue("Load test at 2x peak (second)");
  await expect(other.getByText("Item saved")).toHaveCount(0);

  // Nothing was overwritten: a fresh load shows the first manager's title.
  await page.goto(`/launches/${launchId}/checklist`);
  await expect(page.getByTestId("checklist-item").filter({ hasText: "Load test at 3x peak (first)" })).toHaveCount(1);
  await expect(page.getByTestId("checklist-item").filter({ hasText: "Load test at 2x peak (second)" })).toHaveCount(0);

  // Having seen it, the second manager may save theirs deliberately.
  await secondDrawer.getByRole("button", { name: "Save mine anyway" }).click();
  await expect(other.getByText("Item saved")).toBeVisible();
  await otherContext.close();
});
