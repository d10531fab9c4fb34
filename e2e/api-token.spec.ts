import type { Page } from "@playwright/test";
import { BASE_URL, createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// Issue 14: a person creates an API token in the UI; a script (plain Node fetch, as a CI job would)
// ticks a check with it and attaches the CI run's link; the checklist page someone has open shows the
// change live, without a reload, through the same write path and live stream as a click.

const TEMPLATE = "Web application go-live (26 checks)";
const CHECK = "Supported browsers and devices checked";
const row = (page: Page, title: string) => page.getByTestId("checklist-item").filter({ hasText: title });

test("a token made in Settings lets a script tick a check with a CI link, and the open checklist shows it live", async ({ page, context }) => {
  test.setTimeout(240_000);
  await signUp(page);
  const launchName = `API launch ${uid()}`;
  const launchId = await createLaunch(page, launchName, { template: TEMPLATE });

  // The checklist stays open in its own tab throughout.
  const checklist = await context.newPage();
  await checklist.goto(`/launches/${launchId}/checklist`);
  await expect(row(checklist, CHECK)).toHaveAttribute("data-status", "TODO");
  await expect(checklist.getByTestId("live-indicator").getByRole("status")).toHaveAttribute("data-status", "live");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /API/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Name").fill("CI smoke tests");
  await page.getByRole("checkbox", { name: launchName }).check();
  await page.getByRole("checkbox", { name: /Change checklist items' status and evidence/ }).check();
  await page.getByLabel("Expires after").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("New API token");
  await expect(tokenField).toBeFocused();
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^lft_[A-Za-z0-9_-]{43}$/);
  // Listed by its prefix only, never in full.
  const listed = page.getByTestId("token-row").filter({ hasText: "CI smoke tests" });
  await expect(listed).toContainText(token.slice(0, 12));
  await expect(listed).toContainText("Never used");
  await expect(page.getByText(token.slice(12))).toHaveCount(0);

  // The script: Node's fetch, no browser, no cookie.
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${BASE_URL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  const items = (await (await api(`/launches/${launchId}/items`)).json()) as { items: { id: string; title: string }[] };
  const item = items.items.find((i) => i.title.startsWith(CHECK));
  expect(item).toBeDefined();
  const runLink = `https://ci.example.com/runs/${uid()}`;
  const tick = () =>
    api(`/launches/${launchId}/items/${item!.id}/status`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `job-${runLink}` },
      body: JSON.stringify({ status: "DONE", evidenceNote: "Smoke suite green", evidenceLinks: [runLink] }),
    });
  const response = await tick();
  expect(response.status, await response.clone().text()).toBe(200);
  // The pipeline retries (a flaky network): the same key is one change.
  const retry = await tick();
  expect(retry.headers.get("idempotent-replayed")).toBe("true");

  // The open checklist shows it live, then the evidence with the CI link.
  await expect(row(checklist, CHECK)).toHaveAttribute("data-status", "DONE");
  await row(checklist, CHECK).getByRole("button", { name: CHECK, exact: true }).click();
  const drawer = checklist.getByTestId("item-drawer");
  await expect(drawer.getByRole("link", { name: runLink })).toBeVisible();
  await expect(drawer).toContainText("Smoke suite green");

  // A scope it lacks is refused with a problem document; the owner sees its last use, then revokes it.
  const comment = await api(`/launches/${launchId}/items/${item!.id}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ body: "hello" }),
  });
  expect(comment.status).toBe(403);
  expect(comment.headers.get("content-type")).toContain("application/problem+json");
  await page.reload();
  await expect(listed).not.toContainText("Never used");
  page.once("dialog", (d) => void d.accept());
  await listed.getByRole("button", { name: "Revoke CI smoke tests" }).click();
  await expect(listed).toContainText("Revoked");
  expect((await api(`/launches/${launchId}`)).status).toBe(401);

  // The activity records the change as the token's owner, like any other.
  await checklist.goto(`/launches/${launchId}/activity`);
  await expect(checklist.getByText(new RegExp(`set “${CHECK}.*” to Done`))).toBeVisible();
});
