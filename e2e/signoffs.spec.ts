import pg from "pg";
import type { Browser, Page } from "@playwright/test";
import { addMember, createLaunch, expect, signUp, test, uid, type E2EUser } from "./support/fixtures";

// Setup inserts one DONE required item directly (arranging state, not exercising it); the reopen that the
// test is about is clicked by the engineer in the checklist, through the one write path.

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function userId(email: string) {
  return (await sql<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [email]))[0].id;
}

async function addRequiredDoneItem(launchId: string, title: string, ownerId: string) {
  const sectionId = `e2e-s-${uid()}`;
  const itemId = `e2e-i-${uid()}`;
  await sql(`INSERT INTO checklist_section (id, launch_id, title, position) VALUES ($1, $2, 'Final checks', 0)`, [sectionId, launchId]);
  await sql(
    `INSERT INTO checklist_item (id, launch_id, section_id, position, title, owner_id, status, evidence_links, completed_at, updated_at)
     VALUES ($1, $2, $3, 0, $4, $5, 'DONE', ARRAY['https://ci.example.com/backup/7'], now(), now())`,
    [itemId, launchId, sectionId, title, ownerId],
  );
  return itemId;
}

async function newUser(browser: Browser, name: string): Promise<{ page: Page; user: E2EUser }> {
  const page = await (await browser.newContext()).newPage();
  return { page, user: await signUp(page, `${name} ${uid()}`) };
}

test("two approvers sign, a reopened required item turns their sign-offs stale live, and GO then needs an override reason", async ({ page, browser }) => {
  // Four signed-in users and about twenty page loads: 39-54 s on a quiet 2-core machine, over 120 s while a
  // build ran beside it.
  test.setTimeout(240_000);
  const [ann, bob, eli] = await Promise.all([newUser(browser, "Ann"), newUser(browser, "Bob"), newUser(browser, "Eli")]);
  await signUp(page, `Maya ${uid()}`);
  const launchId = await createLaunch(page);
  for (const [who, role] of [[ann, "APPROVER"], [bob, "APPROVER"], [eli, "ENGINEER"]] as const) await addMember(page, launchId, who.page, who.user.email, role);
  await addRequiredDoneItem(launchId, "DB backup verified", await userId(eli.user.email));

  // The manager asks both approvers for QA.
  await page.goto(`/launches/${launchId}/signoffs`);
  await page.getByLabel("Group name").fill("QA");
  await page.getByLabel("Rule").selectOption("ALL");
  await page.getByRole("checkbox", { name: new RegExp(ann.user.name) }).check();
  await page.getByRole("checkbox", { name: new RegExp(bob.user.name) }).check();
  await page.getByRole("button", { name: "Add group" }).click();
  const managerQa = page.getByTestId("signoff-group").filter({ hasText: "QA" });
  await expect(managerQa.getByText("All 2")).toBeVisible();

  // Rejecting without a comment is refused beside the field; then both approve.
  for (const [i, who] of [ann, bob].entries()) {
    await who.page.goto(`/launches/${launchId}/signoffs`);
    const card = who.page.getByTestId("signoff-group").filter({ hasText: "QA" });
    if (i === 0) {
      await card.getByRole("button", { name: "Reject" }).click();
      await expect(card.getByRole("alert").filter({ hasText: "Say why you reject" })).toBeVisible();
    }
    await card.getByLabel("Comment").fill(`Checked by ${who.user.name}`);
    await card.getByRole("button", { name: "Approve" }).click();
    await expect(card.getByTestId("decision-row").filter({ hasText: who.user.name }).getByText("Approved")).toBeVisible();
  }
  const annQa = ann.page.getByTestId("signoff-group").filter({ hasText: "QA" });
  await ann.page.reload();
  await expect(annQa.getByText("Approved")).toHaveCount(3); // the group's badge and both approvers
  // Since Ann signed, only sign-offs in her own group moved: nothing relevant changed, so no panel.
  const changed = annQa.getByRole("region", { name: "What changed since you signed" });
  await expect(changed).toHaveCount(0);

  // The engineer reopens the item; Ann's open page turns stale without a reload.
  await eli.page.goto(`/launches/${launchId}/checklist`);
  const backup = eli.page.getByTestId("checklist-item").filter({ hasText: "DB backup verified" });
  await backup.getByRole("button", { name: /Actions for/ }).click();
  await eli.page.getByRole("menuitem", { name: "Mark in progress" }).click();
  await expect(annQa.getByTestId("stale-reason")).toHaveCount(2);
  await expect(annQa.getByTestId("stale-reason").first()).toHaveText("Went stale: “DB backup verified” reopened (was done) after you signed");
  await expect(annQa.getByText("Pending")).toBeVisible();
  await expect(changed).toContainText("Required items open: 0 → 1");
  await expect(ann.page.getByTestId("readiness-hero")).toHaveAttribute("data-state", "NOT_READY");

  // The manager cannot record GO without a written override reason.
  await page.goto(`/launches/${launchId}/go-no-go`);
  await expect(page.getByTestId("signoff-gate").filter({ hasText: "QA" })).toContainText("Fail");
  await expect(page.getByText("Changed since the last sign-off")).toBeVisible();
  await expect(page.getByText("set “DB backup verified” to In progress")).toBeVisible();
  const goButton = page.getByRole("button", { name: "Record GO with override" });
  await expect(goButton).toBeDisabled();
  await page.getByLabel("Override: go anyway").check();
  await page.getByLabel("Override reason").fill("too short");
  await expect(goButton).toBeDisabled();
  await page.getByLabel("Override reason").fill("CAB accepted the backup risk; restore rehearsed yesterday");
  await goButton.click();
  const callout = page.getByTestId("override-callout");
  await expect(callout).toContainText("GO by override");
  await expect(callout).toContainText("CAB accepted the backup risk");
  await expect(page.getByTestId("go-decision").first()).toContainText("Override");

  for (const who of [ann, bob, eli]) await who.page.context().close();
});
