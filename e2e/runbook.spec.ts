import pg from "pg";
import type { Page } from "@playwright/test";
import { addMember, createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// The night itself: a manager runs a small runbook from "My tasks" while a viewer watches the live run view
// in a second browser. Every start and finish reaches the viewer without a reload, and when a running task
// overruns, the viewer's forecast moves and the slack to the window end shrinks.

/** The launch's window has been open for 30 minutes and closes in an hour (a window in progress, as on the
 *  night; the UI only schedules windows in the future). */
async function openWindow(launchId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const env = await client.query<{ id: string }>(`INSERT INTO environment (id, name) VALUES ($1, $2) RETURNING id`, [`env${uid()}${uid()}`, `prod-${uid()}`]);
    await client.query(
      `INSERT INTO deployment_window (id, launch_id, environment_id, starts_at, ends_at, time_zone, status, updated_at)
       VALUES ($1, $2, $3, now() - interval '30 minutes', now() + interval '60 minutes', 'Europe/London', 'IN_PROGRESS', now())`,
      [`win${uid()}${uid()}`, launchId, env.rows[0].id],
    );
  } finally {
    await client.end();
  }
}

const slackOf = async (page: Page) => Number(await page.getByTestId("slack").locator("[data-slack-min]").getAttribute("data-slack-min"));

test("a runbook runs end to end while a second screen follows live: starts, finishes, and an overrun shrinking the slack", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const manager = await signUp(page, `Manager ${uid()}`);
  const launchId = await createLaunch(page, `Cutover night ${uid()}`);
  await openWindow(launchId);

  // The manager imports the runbook from CSV: one stream, two tasks in sequence, both theirs.
  await page.goto(`/launches/${launchId}/runbook`);
  const csv = ["key,stream,title,duration_min,assignee_emails,predecessors", `A,App,Deploy release,10,${manager.email},`, `B,App,Smoke test,10,${manager.email},A`].join("\n");
  const importForm = page.getByRole("form", { name: "Import a runbook from CSV" });
  await importForm.getByLabel(/Columns:/).fill(csv);
  await importForm.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("timeline-task")).toHaveCount(2);

  // A viewer watches the live run view in a second browser, on a clock that can be moved forward.
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signUp(viewerPage, `Viewer ${uid()}`);
  await addMember(page, launchId, viewerPage, viewer.email, "VIEWER");
  await viewerPage.clock.install();
  await viewerPage.goto(`/launches/${launchId}/runbook`);
  await expect(viewerPage.getByTestId("live-indicator").getByRole("status")).toHaveAttribute("data-status", "live");
  const bar = (title: string) => viewerPage.getByTestId("timeline-task").filter({ hasText: title });
  await expect(bar("Deploy release")).toHaveAttribute("data-status", "NOT_STARTED");
  await expect(bar("Smoke test")).toHaveAttribute("data-critical", "true");
  // Nothing has started half an hour into the window: the tasks are late already, the slack is what is left.
  await expect(viewerPage.getByTestId("late-task").first()).toBeVisible();
  const slackBefore = await slackOf(viewerPage);
  expect(slackBefore).toBeGreaterThan(30);

  // The manager runs the tasks from My tasks, one tap each.
  await page.goto(`/launches/${launchId}/runbook/mine`);
  const card = (title: string) => page.getByTestId("task-card").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(card("Deploy release")).toContainText("Your next task");
  await card("Deploy release").getByRole("button", { name: "Start" }).click();
  await expect(card("Deploy release")).toHaveAttribute("data-status", "RUNNING");
  await expect(card("Deploy release")).not.toHaveAttribute("data-saving");
  await expect(bar("Deploy release")).toHaveAttribute("data-status", "RUNNING");

  await card("Deploy release").getByRole("button", { name: "Finish" }).click();
  await expect(card("Deploy release")).toHaveAttribute("data-status", "DONE");
  await expect(bar("Deploy release")).toHaveAttribute("data-status", "DONE");
  // Finishing early pulled the forecast in: more slack than before.
  await expect.poll(() => slackOf(viewerPage)).toBeGreaterThan(slackBefore);
  const slackAfterDeploy = await slackOf(viewerPage);

  await expect(card("Smoke test")).toContainText("Your next task");
  await card("Smoke test").getByRole("button", { name: "Start" }).click();
  await expect(card("Smoke test")).toHaveAttribute("data-status", "RUNNING");
  await expect(bar("Smoke test")).toHaveAttribute("data-status", "RUNNING");

  // 25 minutes later on the wall clock the 10-minute smoke test is still running: it is late by its own
  // doing, the forecast end moves out and the slack shrinks, with no reload.
  await viewerPage.clock.fastForward("25:00");
  await expect(viewerPage.getByTestId("late-task").filter({ hasText: "Smoke test" })).toBeVisible();
  await expect.poll(() => slackOf(viewerPage)).toBeLessThan(slackAfterDeploy - 10);
  await expect(bar("Smoke test")).toContainText("+");

  await card("Smoke test").getByRole("button", { name: "Finish" }).click();
  await expect(card("Smoke test")).toHaveAttribute("data-status", "DONE");
  await expect(bar("Smoke test")).toHaveAttribute("data-status", "DONE");
  await viewerContext.close();
});
