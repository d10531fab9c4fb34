import { createLaunch, expect, signUp, test } from "./support/fixtures";

// One-handed on a 390 px phone: the week view lists all seven days (not Monday to Wednesday), and the
// launch tabs that do not fit say so and stay reachable (issue 11, "Phones").
test.use({ viewport: { width: 390, height: 844 } });

test("the week view lists all seven days, each within the screen", async ({ page }) => {
  await signUp(page);
  await page.goto("/calendar?view=week&date=2031-06-04");
  const days = page.getByRole("list", { name: "Week" }).getByTestId("calendar-day-card");
  await expect(days).toHaveCount(7);
  await expect(days.first()).toContainText("Mon");
  await expect(days.last()).toContainText("Sun");
  for (const box of await Promise.all((await days.all()).map((d) => d.boundingBox()))) {
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
});

test("launch tabs past the edge show a hint, and the active tab is scrolled into view", async ({ page }) => {
  await signUp(page);
  const launchId = await createLaunch(page);
  const tabs = page.getByRole("navigation", { name: "Launch sections" });
  const activity = tabs.getByRole("link", { name: "Activity" });
  await expect(activity).not.toBeInViewport();
  await expect(page.getByTestId("tabs-more")).toHaveClass(/opacity-100/);

  await page.goto(`/launches/${launchId}/activity`);
  await expect(activity).toHaveAttribute("aria-current", "page");
  await expect(activity).toBeInViewport();
});
