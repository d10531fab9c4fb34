import pg from "pg";
import type { Page } from "@playwright/test";
import { createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// The lifecycle and readiness tell one story: no state shows a green "Ready"/"Go" chip beside "Not ready".
// And the engineer at 2 a.m. takes an unassigned check and ticks it. Setup rows (an item, a membership)
// are inserted directly: arranging state, not exercising it.

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function addOpenItem(launchId: string, title: string) {
  const sectionId = `e2e-s-${uid()}`;
  const itemId = `e2e-i-${uid()}`;
  await sql(`INSERT INTO checklist_section (id, launch_id, title, position) VALUES ($1, $2, 'Cutover', 0)`, [sectionId, launchId]);
  await sql(
    `INSERT INTO checklist_item (id, launch_id, section_id, position, title, required, status, updated_at)
     VALUES ($1, $2, $3, 0, $4, true, 'TODO', now())`,
    [itemId, launchId, sectionId, title],
  );
  return itemId;
}

const chip = (page: Page) => page.getByTestId("launch-status").first();

/** The header chip and the readiness hero on the overview agree: never a green Ready/Go beside Not ready. */
async function expectOverview(page: Page, launchId: string, status: string) {
  await page.goto(`/launches/${launchId}`);
  await expect(page.getByTestId("readiness-hero")).toHaveAttribute("data-state", "NOT_READY");
  await expect(chip(page)).toHaveText(status);
  await expect(page.getByText("Ready", { exact: true })).toHaveCount(0);
  await expect(page.getByText("Go", { exact: true })).toHaveCount(0);
}

async function expectListed(page: Page, name: string, status: string) {
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ hasText: name });
  await expect(card.getByTestId("launch-status")).toHaveText(status);
  await expect(card).toContainText("Not ready");
}

test("planning until the go/no-go, GO by override shown as such, then NO-GO: no contradictory chips", async ({ page }) => {
  await signUp(page, `Maya ${uid()}`);
  const name = `Story ${uid()}`;
  const launchId = await createLaunch(page, name);
  await addOpenItem(launchId, "Deploy the release");

  // Planning and not ready; the open unowned check is what the manager must act on.
  await expectOverview(page, launchId, "Planning");
  await expect(page.getByRole("list", { name: "Waiting on" })).toContainText("1 required check has no owner");
  await expectListed(page, name, "Planning");

  // There is no manual "ready": the go/no-go page offers GO (by override, as gates are open) and NO-GO.
  await page.goto(`/launches/${launchId}/go-no-go`);
  await expect(page.getByRole("button", { name: /ready/i })).toHaveCount(0);
  await page.getByLabel("Override: go anyway").check();
  await page.getByLabel("Override reason").fill("CAB accepted the risk; the release cannot wait");
  await page.getByRole("button", { name: "Record GO with override" }).click();
  await expect(chip(page)).toHaveText("Go (override)");
  await expect(page.getByRole("link", { name: /Go \(override\)/ })).toHaveAttribute("title", /CAB accepted the risk/);

  await expectOverview(page, launchId, "Go (override)");
  await expectListed(page, name, "Go (override)");

  // Called off: NO-GO with reasons and a next step.
  await page.goto(`/launches/${launchId}/go-no-go`);
  await page.getByLabel("Reasons for NO-GO").fill("Deploy step still open");
  await page.getByLabel("Next step").fill("Replan for next Saturday");
  await page.getByRole("button", { name: "Record NO-GO" }).click();
  await expect(chip(page)).toHaveText("No-go");
  await expectOverview(page, launchId, "No-go");

  await page.goto(`/launches/${launchId}/go-no-go`);
  await page.getByRole("button", { name: "Replan" }).click();
  await expect(chip(page)).toHaveText("Planning");
});

test("an engineer takes an unassigned check and ticks it; a disabled tick says why", async ({ page, browser }) => {
  const engineerPage = await (await browser.newContext()).newPage();
  const engineer = await signUp(engineerPage, `Eli ${uid()}`);
  await signUp(page, `Maya ${uid()}`);
  const launchId = await createLaunch(page);
  const itemId = await addOpenItem(launchId, "Deploy the release");
  const [{ id: engineerId }] = await sql<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [engineer.email]);
  await sql(`INSERT INTO member (id, launch_id, user_id, role) VALUES ($1, $2, $3, 'ENGINEER')`, [`e2e-m-${uid()}`, launchId, engineerId]);

  await engineerPage.goto(`/launches/${launchId}/checklist`);
  const row = engineerPage.getByTestId("checklist-item").filter({ hasText: "Deploy the release" });
  const tick = row.getByRole("button", { name: "Mark Deploy the release done" });
  await expect(tick).toBeDisabled();
  await expect(tick).toHaveAttribute("title", "Unassigned — take it to tick it, or ask a manager to assign it");
  await expect(tick).toHaveAccessibleDescription("Unassigned — take it to tick it, or ask a manager to assign it");

  await row.getByRole("button", { name: /Take it/ }).click();
  await expect(row).toContainText(engineer.name);
  await expect(tick).toBeEnabled();
  await tick.click();
  await expect(row).toHaveAttribute("data-status", "DONE");
  await expect.poll(async () => (await sql<{ status: string; owner_id: string }>(`SELECT status, owner_id FROM checklist_item WHERE id = $1`, [itemId]))[0]).toEqual({
    status: "DONE",
    owner_id: engineerId,
  });

  await engineerPage.goto(`/launches/${launchId}/activity`);
  await expect(engineerPage.getByText("took “Deploy the release”")).toBeVisible();
  await expect(engineerPage.getByText("set “Deploy the release” to Done")).toBeVisible();
  await engineerPage.context().close();
});

test("a manager turns “Take it” off: the engineer's open checklist drops the button and says why, live; on again brings it back", async ({ page, browser }) => {
  const engineerPage = await (await browser.newContext()).newPage();
  const engineer = await signUp(engineerPage, `Eli ${uid()}`);
  await signUp(page, `Maya ${uid()}`);
  const launchId = await createLaunch(page);
  await addOpenItem(launchId, "Switch DNS");
  const [{ id: engineerId }] = await sql<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [engineer.email]);
  await sql(`INSERT INTO member (id, launch_id, user_id, role) VALUES ($1, $2, $3, 'ENGINEER')`, [`e2e-m-${uid()}`, launchId, engineerId]);

  await engineerPage.goto(`/launches/${launchId}/checklist`);
  const row = engineerPage.getByTestId("checklist-item").filter({ hasText: "Switch DNS" });
  const tick = row.getByRole("button", { name: "Mark Switch DNS done" });
  await expect(row.getByRole("button", { name: /Take it/ })).toBeVisible();

  await page.goto(`/launches/${launchId}/members`);
  const rules = page.getByTestId("team-rules");
  const toggle = rules.getByRole("checkbox", { name: "Engineers may take unassigned checks" });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(rules.locator("[data-saving]")).toHaveCount(0);
  await expect(toggle).not.toBeChecked();

  const off = "Unassigned — a manager turned off “Take it” on this launch: ask a manager to assign it";
  await expect(row.getByRole("button", { name: /Take it/ })).toHaveCount(0);
  await expect(tick).toBeDisabled();
  await expect(tick).toHaveAccessibleDescription(off);

  await engineerPage.goto(`/launches/${launchId}/members`);
  await expect(engineerPage.getByTestId("team-rules")).toContainText("Engineers may not take unassigned checks");
  await expect(engineerPage.getByTestId("team-rules").getByRole("checkbox")).toHaveCount(0);
  await engineerPage.goto(`/launches/${launchId}/checklist`);
  await expect(tick).toHaveAccessibleDescription(off);

  await toggle.click();
  await expect(rules.locator("[data-saving]")).toHaveCount(0);
  await expect(toggle).toBeChecked();
  await expect(row.getByRole("button", { name: /Take it/ })).toBeVisible();
  await engineerPage.context().close();
});
