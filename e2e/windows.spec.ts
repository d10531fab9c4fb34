import { grantAdmin } from "./support/admin";
import { createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// Environments and freezes are admin-only; the test's own fresh user is granted admin by the operator's command.
test("a manager schedules a window, meets a clash with its suggestion, overrides a freeze, and sees it all on the calendar", async ({ page }) => {
  const user = await signUp(page);
  const launchName = `Ledger cutover ${uid()}`;
  const launchId = await createLaunch(page, launchName);
  grantAdmin(user.email);

  // Admin: an environment and a Berlin business-hours freeze on it.
  const env = `prod-${uid()}`;
  const draft = `Office hours ${uid()}`;
  const reason = `Business hours ${uid()}`;
  await page.goto("/admin");
  await page.getByLabel("Name").fill(env);
  await page.getByRole("button", { name: "Add environment" }).click();
  await expect(page.getByRole("list", { name: "Environments" }).getByText(env)).toBeVisible();
  await page.getByLabel("Weekly").check();
  await page.getByLabel("Reason").fill(draft);
  await page.getByLabel("Applies to").selectOption({ label: env });
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Add freeze" }).click();
  await expect(page.getByTestId("freeze-row").filter({ hasText: draft })).toContainText("Mon–Fri 08:00–18:00 Europe/Berlin");

  // Issue 14: the freeze is edited in a dialog prefilled with what is stored; focus returns to its Edit button.
  const edit = page.getByRole("button", { name: `Edit freeze ${draft}` });
  await edit.click();
  const dialog = page.getByRole("dialog", { name: "Edit freeze" });
  await expect(dialog.getByLabel("Weekly")).toBeChecked();
  await expect(dialog.getByLabel("From (HH:mm)")).toHaveValue("08:00");
  await expect(dialog.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Save freeze" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Freeze saved: Mon–Fri 08:00–18:00 Europe\/Berlin\. No scheduled window falls in it\./)).toBeVisible();
  await expect(page.getByTestId("freeze-row").filter({ hasText: reason })).toContainText("Mon–Fri 08:00–18:00 Europe/Berlin");
  await expect(page.getByTestId("freeze-row").filter({ hasText: draft })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Edit freeze ${reason}` })).toBeFocused();

  // A Saturday-night window, outside the freeze.
  await page.goto(`/launches/${launchId}/windows`);
  const form = page.getByRole("region", { name: "Plan a window" });
  const fill = async (start: string, end: string) => {
    await form.getByLabel("Environment").selectOption({ label: env });
    await form.getByLabel("Start", { exact: true }).fill(start);
    await form.getByLabel("End", { exact: true }).fill(end);
  };
  await fill("2031-06-07T01:00", "2031-06-07T05:00");
  await form.getByLabel("Go/no-go checkpoint").fill("2031-06-07T02:30");
  await form.getByLabel("Point of no return").fill("2031-06-07T03:30");
  // The live preview reads the London wall clock in UTC too.
  await expect(form.getByText("UTC: Sat 7 Jun 2031, 00:00 UTC")).toBeVisible();
  await form.getByRole("button", { name: "Schedule window" }).click();
  const cards = page.getByTestId("window-card");
  await expect(cards.filter({ hasText: "Scheduled" }).filter({ hasText: env })).toHaveCount(1);
  await expect(cards.first().getByText("Point of no return").first()).toBeVisible();

  // An overlapping one is refused, naming the clash and offering the next free slot.
  await fill("2031-06-07T04:00", "2031-06-07T06:00");
  await form.getByLabel("Go/no-go checkpoint").fill("");
  await form.getByLabel("Point of no return").fill("");
  await form.getByRole("button", { name: "Schedule window" }).click();
  const clash = form.getByTestId("clash");
  await expect(clash).toContainText(`Clashes with ${launchName} window on ${env} Sat 7 Jun 2031, 01:00 BST – 05:00 BST.`);
  await expect(clash).toContainText("Next free slot of the same length: Sat 7 Jun 2031, 05:00 BST.");
  await clash.getByRole("button", { name: "Use suggested slot" }).click();
  await expect(form.getByLabel("Start", { exact: true })).toHaveValue("2031-06-07T05:00");
  await expect(form.getByLabel("End", { exact: true })).toHaveValue("2031-06-07T07:00");
  await form.getByRole("button", { name: "Schedule window" }).click();
  await expect(cards.filter({ hasText: env })).toHaveCount(2);

  // Monday morning falls in the freeze: refused until a reason is written, which then shows on the card.
  await fill("2031-06-09T09:00", "2031-06-09T11:00");
  await form.getByRole("button", { name: "Schedule window" }).click();
  await expect(form.getByTestId("freeze-warning")).toContainText(`falls in a freeze: Mon–Fri 08:00–18:00 Europe/Berlin (${reason})`);
  await expect(cards).toHaveCount(2);
  await form.getByLabel("Reason for overriding the freeze").fill("Regulator deadline on Monday");
  await form.getByRole("button", { name: "Override freeze and schedule" }).click();
  await expect(page.getByTestId("freeze-override")).toContainText("Freeze overridden: Regulator deadline on Monday");
  await expect(cards).toHaveCount(3);

  // The calendar shows the windows, the freeze and the override, each window linking to its launch.
  await page.goto("/calendar?view=month&date=2031-06-01");
  await page.getByLabel("Environment", { exact: true }).selectOption({ label: env });
  await expect(page).toHaveURL(/env=/);
  const monday = page.locator('[role=cell][data-day="2031-06-09"]:visible');
  await expect(monday.getByTestId("calendar-freeze")).toContainText(reason);
  await expect(monday.getByTestId("calendar-window").filter({ hasText: launchName })).toContainText("Override");
  const saturday = page.locator('[role=cell][data-day="2031-06-07"]:visible');
  await expect(saturday.getByTestId("calendar-window").filter({ hasText: launchName })).toHaveCount(2);
  await saturday.getByTestId("calendar-window").first().click();
  await expect(page).toHaveURL(new RegExp(`/launches/${launchId}/windows$`));

  // And the override is in the audit trail.
  await page.goto(`/launches/${launchId}/activity`);
  await expect(page.getByRole("list", { name: "Activity" }).getByText("freeze overridden: Regulator deadline on Monday")).toBeVisible();
});
