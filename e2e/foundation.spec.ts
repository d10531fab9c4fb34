import { createLaunch, expect, signUp, test, uid, PASSWORD } from "./support/fixtures";

test("a newcomer signs up, creates a launch, adds a member and sees it in the activity", async ({ page, browser }) => {
  // Someone to add: registered in a separate browser context.
  const other = await browser.newContext();
  const colleague = await signUp(await other.newPage(), `Colleague ${uid()}`);
  await other.close();

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
  await page.getByLabel("Email").fill(colleague.email);
  await page.getByLabel("Role", { exact: true }).selectOption("APPROVER");
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByTestId("member-row").filter({ hasText: colleague.email });
  await expect(row).toBeVisible();
  await expect(row.getByLabel(`Role of ${colleague.name}`)).toHaveValue("APPROVER");

  // An unknown email is refused with a message beside the field, and nothing is added.
  await page.getByLabel("Email").fill(`nobody-${uid()}@test.liftoff`);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No user with this email" })).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(2);

  await page.goto(`/launches/${launchId}/activity`);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity.getByText(`added ${colleague.name} as approver`)).toBeVisible();
  await expect(activity.getByText("created the launch")).toBeVisible();
});

test("a viewer sees the team but cannot manage it", async ({ page, browser }) => {
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signUp(viewerPage, `Viewer ${uid()}`);

  await signUp(page);
  const launchId = await createLaunch(page);
  await page.goto(`/launches/${launchId}/members`);
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: viewer.email })).toBeVisible();

  await viewerPage.goto(`/launches/${launchId}/members`);
  await expect(viewerPage.getByText("Only managers can change the team.")).toBeVisible();
  await expect(viewerPage.getByTestId("member-row")).toHaveCount(2);
  await expect(viewerPage.getByRole("button", { name: "Add member" })).toHaveCount(0);
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
