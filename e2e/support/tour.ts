import pg from "pg";
import type { Browser, Page } from "@playwright/test";
import { expect, signUp, uid } from "./fixtures";

// Every page of the app with realistic content, for the accessibility and responsive passes:
// a fresh admin with an environment and a weekly freeze, and a launch from a template with a window.

export const TOUR_DAY = "2031-06-07";

/** The stops by name, known before the data exists, so each can be its own test. */
export const tourStops = [
  "launches",
  "new-launch",
  "overview",
  "checklist",
  "checklist-drawer",
  "signoffs",
  "go-no-go",
  "windows",
  "members",
  "activity",
  "runbook",
  "runbook-mine",
  "runbook-plan",
  "runbook-rehearsals",
  "runbook-war-room",
  "updates",
  "share-links",
  "webhooks",
  "calendar-month",
  "calendar-week",
  "calendar-timeline",
  "admin",
  "admin-webhooks",
  "admin-users",
  "admin-audit",
  "admin-health",
  "sign-in",
  "sign-up",
  "api-tokens",
  "api-reference",
  "notifications",
  "invite",
] as const;

export type Stop = { name: (typeof tourStops)[number]; path: string; signedOut?: boolean; after?: (page: Page) => Promise<void> };

async function makeAdmin(email: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "user" SET is_admin = true WHERE email = $1`, [email]);
  } finally {
    await client.end();
  }
}

/** A launch from the built-in web template (found by name, whatever the option's suffix says), via the UI. */
export async function createTemplatedLaunch(page: Page, name: string) {
  await page.goto("/launches/new");
  await page.getByLabel("Launch name").fill(name);
  await page.getByLabel("System going live").fill("Core banking");
  await page.getByLabel("Time zone").selectOption("Europe/London");
  const template = page.getByLabel("Start from a template");
  const value = await template.locator("option", { hasText: "Web application go-live" }).first().getAttribute("value");
  await template.selectOption(value ?? "");
  await page.getByRole("button", { name: "Create launch" }).click();
  // Not /launches/new itself: wait for the created launch's page, however long the server takes.
  await page.waitForURL((url) => /^\/launches\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/launches/")[1];
}

/** Creates the data once and returns the storage state of the signed-in admin and the tour's stops. */
export async function prepareTour(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = await signUp(page);
  await makeAdmin(user.email);
  const env = `prod-${uid()}`;
  await page.goto("/admin");
  await page.getByLabel("Name").fill(env);
  await page.getByRole("button", { name: "Add environment" }).click();
  await expect(page.getByRole("list", { name: "Environments" }).getByText(env)).toBeVisible();
  await page.getByLabel("Weekly").check();
  const reason = `Business hours ${uid()}`;
  await page.getByLabel("Reason").fill(reason);
  await page.getByLabel("Applies to").selectOption({ label: env });
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Add freeze" }).click();
  await expect(page.getByTestId("freeze-row").filter({ hasText: reason })).toBeVisible();

  const launchId = await createTemplatedLaunch(page, `Payments cutover ${uid()}`);
  await page.goto(`/launches/${launchId}/windows`);
  const form = page.getByRole("region", { name: "Plan a window" });
  await form.getByLabel("Environment").selectOption({ label: env });
  await form.getByLabel("Start", { exact: true }).fill(`${TOUR_DAY}T01:00`);
  await form.getByLabel("End", { exact: true }).fill(`${TOUR_DAY}T05:00`);
  await form.getByRole("button", { name: "Schedule window" }).click();
  await expect(page.getByTestId("window-card").filter({ hasText: env })).toHaveCount(1);

  // An invitation, for the page its link opens (seen signed out, as the invitee first sees it).
  await page.goto(`/launches/${launchId}/members`);
  await page.getByLabel("Email").fill(`invitee-${uid()}@example.com`);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const invitePath = new URL(await page.getByTestId("invitation-created").getByLabel("Invitation link").inputValue()).pathname;

  const state = await context.storageState();
  await context.close();
  const base = `/launches/${launchId}`;
  const stops: Stop[] = [
    { name: "launches", path: "/" },
    { name: "new-launch", path: "/launches/new" },
    { name: "overview", path: base },
    { name: "checklist", path: `${base}/checklist` },
    {
      name: "checklist-drawer",
      path: `${base}/checklist`,
      after: async (p) => {
        const row = p.getByTestId("checklist-item").first();
        const title = (await row.getAttribute("aria-label")) ?? "";
        await row.getByRole("button", { name: title, exact: true }).click();
        await expect(p.getByTestId("item-drawer")).toBeVisible();
      },
    },
    { name: "signoffs", path: `${base}/signoffs` },
    { name: "go-no-go", path: `${base}/go-no-go` },
    { name: "windows", path: `${base}/windows` },
    { name: "members", path: `${base}/members` },
    { name: "activity", path: `${base}/activity` },
    // The template seeds a runbook: its run view, the engineer's tasks, the plan editor, rehearsals, war room.
    { name: "runbook", path: `${base}/runbook` },
    { name: "runbook-mine", path: `${base}/runbook/mine` },
    { name: "runbook-plan", path: `${base}/runbook/plan` },
    { name: "runbook-rehearsals", path: `${base}/runbook/rehearsals` },
    { name: "runbook-war-room", path: `${base}/runbook/war-room` },
    { name: "updates", path: `${base}/updates` },
    { name: "share-links", path: `${base}/share` },
    { name: "webhooks", path: `${base}/webhooks` },
    { name: "calendar-month", path: `/calendar?view=month&date=${TOUR_DAY}` },
    { name: "calendar-week", path: `/calendar?view=week&date=${TOUR_DAY}` },
    { name: "calendar-timeline", path: `/calendar?view=timeline&date=${TOUR_DAY}` },
    { name: "admin", path: "/admin" },
    { name: "admin-webhooks", path: "/admin/webhooks" },
    { name: "admin-users", path: "/admin/users" },
    // The audit search with a filter that finds the tour's own events (rows with their raw records).
    { name: "admin-audit", path: "/admin/audit?type=launch.created" },
    { name: "admin-health", path: "/admin/health" },
    { name: "sign-in", path: "/sign-in", signedOut: true },
    { name: "sign-up", path: "/sign-up", signedOut: true },
    { name: "api-tokens", path: "/settings/tokens" },
    { name: "api-reference", path: "/settings/tokens/docs" },
    { name: "notifications", path: "/settings/notifications" },
    { name: "invite", path: invitePath, signedOut: true },
  ];
  return { state, stops };
}

/** Opens a stop and waits until the page has settled (fonts, client rendering). */
export async function visit(page: Page, stop: Stop) {
  await page.goto(stop.path);
  await expect(page.locator("h1").first()).toBeVisible();
  await stop.after?.(page);
  await page.evaluate(() => document.fonts.ready);
}
