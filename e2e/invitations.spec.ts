import { BASE_URL, createLaunch, expect, PASSWORD, signUp, test, uid } from "./support/fixtures";

// The product path to membership: a manager invites an address, copies the link and hands it over; only
// someone signed in with that address can accept it.

test("a manager invites an address, copies the link, and the newly signed-up owner of the address joins with the role", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await signUp(page, `Maya ${uid()}`);
  const launchName = `Ledger cutover ${uid()}`;
  const launchId = await createLaunch(page, launchName);

  // The invited address has no account yet; the answer would be the same if it had.
  const email = `cfo-${uid()}@test.liftoff`;
  await page.goto(`/launches/${launchId}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("APPROVER");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const created = page.getByTestId("invitation-created");
  await expect(created).toContainText(`Invitation created for ${email} as approver`);
  await created.getByRole("button", { name: "Copy link" }).click();
  await expect(created.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await page.getByLabel("Invitation link").inputValue());
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toContainText("Approver");

  // Someone else who gets hold of the link cannot use it.
  const strangerContext = await browser.newContext();
  const strangerPage = await strangerContext.newPage();
  await signUp(strangerPage, `Eve ${uid()}`);
  await strangerPage.goto(link);
  await expect(strangerPage.getByRole("alert").filter({ hasText: `This invitation is for ${email}` })).toBeVisible();
  await expect(strangerPage.getByRole("button", { name: "Accept and join" })).toHaveCount(0);
  await strangerContext.close();

  // The invitee opens the link signed out, creates an account with the address and comes back to accept.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: launchName })).toBeVisible();
  await expect(invitee.getByText("Approver", { exact: true })).toBeVisible();
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await invitee.waitForURL(/\/sign-up\?next=/);
  const name = `Chris ${uid()}`;
  await invitee.getByLabel("Full name").fill(name);
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create account" }).click();
  await invitee.waitForURL(/\/invite\//);
  await invitee.getByRole("button", { name: "Accept and join" }).click();
  await invitee.waitForURL(new RegExp(`/launches/${launchId}$`));
  await expect(invitee.getByRole("heading", { level: 1, name: launchName })).toBeVisible();

  // They are a member with the invited role, and the link is spent.
  await invitee.goto(`/launches/${launchId}/members`);
  const me = invitee.getByTestId("member-row").filter({ hasText: "(you)" });
  await expect(me).toContainText(email);
  await expect(me).toContainText("Approver");
  await invitee.goto(link);
  await expect(invitee.getByRole("status").filter({ hasText: "You have joined this launch" })).toBeVisible();
  await inviteeContext.close();

  await page.goto(`/launches/${launchId}/members`);
  await expect(page.getByTestId("member-row").filter({ hasText: email }).getByLabel(`Role of ${name}`)).toHaveValue("APPROVER");
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);
});

test("a withdrawn invitation's link tells the invitee so", async ({ page, browser }) => {
  await signUp(page);
  const launchId = await createLaunch(page);
  const email = `late-${uid()}@test.liftoff`;
  await page.goto(`/launches/${launchId}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `Withdraw the invitation for ${email}` }).click();
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await signUp(invitee, `Late ${uid()}`, email);
  await invitee.goto(link);
  await expect(invitee.getByRole("alert").filter({ hasText: "This invitation was withdrawn" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Accept and join" })).toHaveCount(0);
  await context.close();
});
