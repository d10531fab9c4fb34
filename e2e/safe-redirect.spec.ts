import { BASE_URL, expect, signUp, test } from "./support/fixtures";

// After signing in, a crafted ?next= never leaves the site (lib/auth/safe-redirect.ts).
for (const next of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example"]) {
  test(`signing in with ?next=${next} stays on this origin`, async ({ page }) => {
    const user = await signUp(page);
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/launches");
    expect(new URL(page.url()).origin).toBe(BASE_URL);
  });
}

test("signing in with a same-origin ?next= lands there", async ({ page }) => {
  const user = await signUp(page);
  await page.context().clearCookies();
  await page.goto(`/sign-in?next=${encodeURIComponent("/calendar?view=week")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/calendar");
  expect(new URL(page.url()).search).toBe("?view=week");
});
