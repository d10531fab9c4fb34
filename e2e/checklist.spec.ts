import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { addMember, createLaunch, expect, signUp, test, uid } from "./support/fixtures";

const TEMPLATE = "Web application go-live (26 checks)";
const row = (page: Page, title: string) => page.getByTestId("checklist-item").filter({ hasText: title });

test("a manager starts from a template, ticks, blocks with a reason, and a predecessor prevents completion", async ({ page }) => {
  await signUp(page);
  const launchId = await createLaunch(page, `Shop go-live ${uid()}`, { template: TEMPLATE });
  await page.getByRole("navigation", { name: "Launch sections" }).getByRole("link", { name: "Checklist", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Functional testing" })).toBeVisible();
  await expect(page.getByTestId("checklist-item")).toHaveCount(26);

  // Tick: optimistic at once, and still done after a reload.
  const browsers = row(page, "Supported browsers and devices checked");
  // The row says "Saving…" until the server acknowledges; reloading before that would abandon the request.
  await browsers.getByRole("button", { name: "Mark Supported browsers and devices checked done" }).click();
  await expect(browsers).toHaveAttribute("data-status", "DONE");
  await expect(browsers).not.toHaveAttribute("data-saving");
  await page.reload();
  await expect(row(page, "Supported browsers and devices checked")).toHaveAttribute("data-status", "DONE");

  // Block: the dialog insists on a reason, then the row shows it.
  const secrets = row(page, "Production secrets rotated");
  await secrets.getByRole("button", { name: /Actions for/ }).click();
  await page.getByRole("menuitem", { name: "Mark blocked…" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark blocked" });
  await dialog.getByRole("button", { name: "Mark blocked" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Say what is blocking it.");
  await dialog.getByLabel("What is blocking it?").fill("Vault upgrade scheduled for Thursday");
  await dialog.getByRole("button", { name: "Mark blocked" }).click();
  await expect(secrets).toHaveAttribute("data-status", "BLOCKED");
  await expect(secrets).toContainText("Blocked: Vault upgrade scheduled for Thursday");

  // A predecessor that is not done prevents completion, with the reason on screen.
  const smoke = row(page, "Production smoke test passes");
  await smoke.getByRole("button", { name: "Mark Production smoke test passes done" }).click();
  await expect(page.getByText("“Production smoke test passes” can’t be done yet: “Deploy the release” is not finished.")).toBeVisible();
  await expect(smoke).toHaveAttribute("data-status", "TODO");

  // Keyboard: / focuses search, then j moves and x ticks.
  await page.keyboard.press("/");
  await page.keyboard.type("User acceptance");
  await expect(page.getByTestId("checklist-item")).toHaveCount(1);
  await page.getByRole("heading", { name: "Functional testing" }).click();
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByText("“User acceptance testing signed off” can’t be done yet")).toBeVisible();

  await page.goto(`/launches/${launchId}/activity`);
  await expect(page.getByText("set “Production secrets rotated and stored in the vault” to Blocked: Vault upgrade scheduled for Thursday")).toBeVisible();
});

test("a viewer sees the checklist but no edit controls", async ({ page, browser }) => {
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signUp(viewerPage, `Viewer ${uid()}`);

  await signUp(page);
  const launchId = await createLaunch(page, `Viewer launch ${uid()}`, { template: TEMPLATE });
  await addMember(page, launchId, viewerPage, viewer.email, "VIEWER");

  await viewerPage.goto(`/launches/${launchId}/checklist`);
  await expect(viewerPage.getByTestId("checklist-item")).toHaveCount(26);
  const item = row(viewerPage, "Load test at 2x expected peak");
  await expect(item.getByRole("button", { name: /Mark .* done/ })).toBeDisabled();
  await expect(viewerPage.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Add section" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Drag to reorder/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("checkbox", { name: /Select/ })).toHaveCount(0);
  await item.getByRole("button", { name: /Actions for/ }).click();
  await expect(viewerPage.getByRole("menuitem")).toHaveText(["Open details"]);
  await viewerPage.getByRole("menuitem", { name: "Open details" }).click();
  const drawer = viewerPage.getByTestId("item-drawer");
  await expect(drawer).toContainText("Attach the report");
  await expect(drawer.getByRole("group", { name: "Set status" })).toHaveCount(0);
  await expect(drawer.getByRole("button", { name: "Save evidence" })).toHaveCount(0);
  await expect(drawer.getByLabel("Add a comment")).toHaveCount(0);
  await viewerContext.close();
});

test("a checklist survives a CSV round trip into another launch", async ({ page }) => {
  await signUp(page);
  const source = await createLaunch(page, `CSV source ${uid()}`, { template: TEMPLATE });
  await page.goto(`/launches/${source}/checklist`);
  const browsers = row(page, "Supported browsers and devices checked");
  await browsers.getByRole("button", { name: /Mark .* done/ }).click();
  await expect(browsers).toHaveAttribute("data-status", "DONE");
  // The optimistic tick is not the saved one: export only once the row no longer says "Saving…".
  await expect(browsers.getByTestId("item-saving")).toBeHidden();
  await expect(browsers).not.toHaveAttribute("data-saving");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csvPath = await download.path();
  const exported = await readFile(csvPath, "utf8");
  expect(exported.split("\r\n")[0]).toContain("key,section,title,description,owner_email,due");

  const target = await createLaunch(page, `CSV target ${uid()}`);
  await page.goto(`/launches/${target}/checklist`);
  await expect(page.getByText("Start from a template or add a section")).toBeVisible();
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import a checklist from CSV" });
  await dialog.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("section,title,status\nA,,TODO\nA,Blocked,BLOCKED\n") });
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByRole("list", { name: "Import problems" }).getByRole("listitem")).toHaveText([/^Row 2\b.*The title is missing/, /^Row 3\b.*BLOCKED needs a status_reason/]);

  await dialog.getByLabel("CSV file").setInputFiles(csvPath);
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported 26 items in 7 new sections")).toBeVisible();
  await expect(page.getByTestId("checklist-item")).toHaveCount(26);
  await expect(row(page, "Supported browsers and devices checked")).toHaveAttribute("data-status", "DONE");

  const again = await page.request.get(`/api/launches/${target}/checklist.csv`);
  expect(again.ok()).toBe(true);
  expect(await again.text()).toBe(exported);
});

test("while a tick is being saved the export waits and leaving the page asks first; once saved, both go ahead", async ({ page }) => {
  await signUp(page);
  const launchId = await createLaunch(page, `Saving ${uid()}`, { template: TEMPLATE });
  await page.goto(`/launches/${launchId}/checklist`);
  // The tick's server action is held until the test lets it go: a slow network at 2 a.m.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/launches/${launchId}/checklist*`, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) await held;
    await route.continue();
  });
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));

  const browsers = row(page, "Supported browsers and devices checked");
  await browsers.getByRole("button", { name: /Mark .* done/ }).click();
  await expect(browsers).toHaveAttribute("data-status", "DONE");
  await expect(browsers.getByTestId("item-saving")).toHaveText("Saving…");
  const exportLink = page.getByRole("link", { name: /^Export CSV/ });
  await expect(exportLink).toHaveAttribute("aria-disabled", "true");
  await expect(exportLink).toHaveAccessibleName("Export CSV (waits until your changes are saved)");
  // Playwright waits for an aria-disabled control to be enabled; a person can still click it.
  await exportLink.click({ force: true });

  // Leaving asks first; staying keeps the page, and the tick still saves.
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);
  expect(downloads).toEqual([]);

  release();
  await expect(browsers).not.toHaveAttribute("data-saving");
  await expect(exportLink).not.toHaveAttribute("aria-disabled");
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\r\n").find((line) => line.includes("Supported browsers and devices checked"))).toContain(",DONE,");
  expect(downloads).toHaveLength(1);

  // Nothing in flight: the page closes without asking.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(["beforeunload"]);
});

test("a manager reorders checks from the row's menu and by keyboard drag; the order holds after a reload", async ({ page }) => {
  await signUp(page);
  const launchId = await createLaunch(page, `Reorder ${uid()}`, { template: TEMPLATE });
  await page.goto(`/launches/${launchId}/checklist`);
  const list = page.getByRole("list", { name: "Functional testing items" });
  const titles = async () => (await list.getByTestId("checklist-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("aria-label"))));
  const [first, second, third] = await titles();

  // Move down from the menu: the first check becomes the second.
  await row(page, first!).getByRole("button", { name: `Actions for ${first}` }).click();
  await page.getByRole("menuitem", { name: "Move down" }).click();
  await expect.poll(async () => (await titles()).slice(0, 3)).toEqual([second, first, third]);

  // Keyboard drag on the handle: pick up the third, move it up one, drop it.
  const handle = row(page, third!).getByRole("button", { name: `Drag to reorder ${third}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Space");
  await expect.poll(async () => (await titles()).slice(0, 3)).toEqual([second, third, first]);

  await expect(page.locator("[data-saving]")).toHaveCount(0);
  await page.reload();
  await expect.poll(async () => (await titles()).slice(0, 3)).toEqual([second, third, first]);
});
