import { addMember, createLaunch, expect, invite, signUp, test, uid, PASSWORD } from "./support/fixtures";

test("a newcomer signs up, creates a launch, adds a member and sees it in the activity", async ({ page, browser }) => {
  // Someone to add: registered in a separate browser context.
  const other = await browser.newContext();
  const colleaguePage = await other.newPage();
  const colleague = await signUp(colleaguePage, `Colleague ${uid()}`);

  await page.goto("/sign-up");
  const name = `Pat ${uid()}`;
  const email = `pat-${uid()}@test.liftoff`;
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Launches", exact: true })).toBeVisible();
  await expect(page.getByText("No launches yet")).toBeVisible();

  const launchName = `Ledger cutover ${uid()}`;
  const launchId = await createLaunch(page, launchName);

  await page.getByRole("link", { name: "Members" }).click();
  await addMember(page, launchId, colleaguePage, colleague.email, "APPROVER");
  await other.close();
  await page.goto(`/launches/${launchId}/members`);
  const row = page.getByTestId("member-row").filter({ hasText: colleague.email });
  await expect(row).toBeVisible();
  await expect(row.getByLabel(`Role of ${colleague.name}`)).toHaveValue("APPROVER");

  // An address without an account gets the same answer (an invitation), and no member is added.
  const nobody = `nobody-${uid()}@test.liftoff`;
  await invite(page, launchId, nobody, "VIEWER");
  await expect(page.getByTestId("invitation-row").filter({ hasText: nobody })).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(2);

  await page.goto(`/launches/${launchId}/activity`);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity.getByRole("listitem").filter({ hasText: colleague.name }).filter({ hasText: "accepted the invitation and joined as approver" })).toBeVisible();
  await expect(activity.getByText("created the launch")).toBeVisible();
});

test("a viewer sees the team but cannot manage it", async ({ page, browser }) => {
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signUp(viewerPage, `Viewer ${uid()}`);

  await signUp(page);
  const launchId = await createLaunch(page);
  await addMember(page, launchId, viewerPage, viewer.email, "VIEWER");

  await viewerPage.goto(`/launches/${launchId}/members`);
  await expect(viewerPage.getByText("Only managers can change the team.")).toBeVisible();
  await expect(viewerPage.getByTestId("member-row")).toHaveCount(2);
  await expect(viewerPage.getByRole("button", { name: "Invite", exact: true })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("combobox")).toHaveCount(0);
  await viewerContext.close();
});

test("signed-out visitors are sent to sign in, and a non-member gets a 404 for someone else's launch", async ({ page, browser }) => {
  await signUp(page);
  const launchId = await createLaunch(page);

  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  await anonPage.goto(`/launches/${launchId}`);
  await expect(anonPage).toHaveURL(/\/sign-in\?next=/);
  await signUp(anonPage);
  const response = await anonPage.goto(`/launches/${launchId}`);
  expect(response?.status()).toBe(404);
  await expect(anonPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  await anon.close();
});
