import { expect, signUp, test, uid } from "./support/fixtures";
import { createTemplatedLaunch } from "./support/tour";

// Keyboard users never lose their place: Esc leaves the search for the shortcuts, and closing the item
// drawer or a dialog puts focus back on what opened it.
test("Esc leaves the checklist search; drawer and dialogs return focus to their opener", async ({ page }) => {
  await signUp(page);
  const launchId = await createTemplatedLaunch(page, `Keyboard ${uid()}`);
  await page.goto(`/launches/${launchId}/checklist`);
  const rows = page.getByTestId("checklist-item");
  await expect(rows).toHaveCount(26);

  // "/" searches; Esc leaves the box with the filter kept, so "j" moves through the results instead of typing.
  await page.keyboard.press("/");
  const search = page.getByLabel("Search checks");
  await expect(search).toBeFocused();
  await search.pressSequentially("secrets");
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();
  await expect(search).toHaveValue("secrets");
  await page.keyboard.press("j");
  await expect(search).toHaveValue("secrets");
  const first = rows.first();
  await expect(first).toBeFocused();

  // Enter on a row opens its drawer; Esc closes it and the same row has focus again.
  const title = (await first.getAttribute("aria-label")) ?? "";
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: title });
  await expect(drawer).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(first).toBeFocused();

  // A dialog opened from a button returns focus to that button.
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(rows).toHaveCount(26);
  const addSection = page.getByRole("button", { name: "Add section" });
  await addSection.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add a section" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(addSection).toBeFocused();

  // "b" on a focused row asks why in a dialog; cancelling returns focus to the row.
  const row = rows.nth(2);
  await row.focus();
  await page.keyboard.press("b");
  const blocked = page.getByRole("dialog", { name: "Mark blocked" });
  await expect(blocked).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(blocked).toBeHidden();
  await expect(row).toBeFocused();
});
