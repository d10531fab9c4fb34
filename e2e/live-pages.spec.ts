import type { Page, Request } from "@playwright/test";
import { createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// Every launch page renders from the query cache and is patched in place by the live stream: three
// pages (overview, checklist, sign-offs) stay correct through changes made in a fourth, and make no
// request to the server while they update (their one EventSource aside).

const TEMPLATE = "Web application go-live (26 checks)";
const row = (page: Page, title: string) => page.getByTestId("checklist-item").filter({ hasText: title });

/**
 * Requests a page makes besides its live stream and Next's link prefetches. A prefetch is the route's RSC
 * payload (marked by its header) and, the first time a link to a new route appears (a blocked check named
 * in the readiness hero links to the checklist), that route's JavaScript: an immutable file under
 * /_next/static/, loaded once per browser, never rendered by the server. Neither is a request per change.
 */
function countRequests(page: Page) {
  const seen: string[] = [];
  const counted = (r: Request) => r.resourceType() !== "eventsource" && !r.headers()["next-router-prefetch"] && !new URL(r.url()).pathname.startsWith("/_next/static/");
  page.on("request", (r) => {
    if (counted(r)) seen.push(`${r.method()} ${r.url()}`);
  });
  return seen;
}

async function watch(page: Page, url: string) {
  await page.goto(url);
  // Connecting waits for the server to authorize the stream; on a loaded 2-core machine (CI with two
  // workers) that took over 10 s once: the state is what is asserted, not how fast.
  await expect(page.getByTestId("live-indicator").getByRole("status")).toHaveAttribute("data-status", "live", { timeout: 30_000 });
  await page.waitForLoadState("networkidle");
}

test("overview, checklist and sign-offs follow changes made elsewhere without a single request", async ({ page, context, browser }) => {
  test.setTimeout(120_000);
  await signUp(page);
  const launchId = await createLaunch(page, `Live pages ${uid()}`, { template: TEMPLATE });

  // The same person on three more screens, each its own browser context: four open live streams in one
  // context would share HTTP/1.1's six connections per host with every page load and prefetch.
  const state = await context.storageState();
  const [overview, checklist, signoffs] = await Promise.all([0, 1, 2].map(async () => (await browser.newContext({ storageState: state })).newPage()));
  await watch(overview, `/launches/${launchId}`);
  await watch(checklist, `/launches/${launchId}/checklist`);
  await watch(signoffs, `/launches/${launchId}/signoffs`);
  await expect(overview.getByTestId("checklist-summary")).toContainText("0 of");
  await expect(signoffs.getByTestId("readiness-hero")).not.toContainText("blocked");
  // "Waiting on": the template's checks have no owner yet, a line addressed to the managers.
  const waiting = overview.getByRole("list", { name: "Waiting on" });
  const unowned = Number((await waiting.textContent())?.match(/(\d+) required checks? (?:has|have) no owner/)?.[1]);
  expect(unowned).toBeGreaterThan(2);
  const requests = [overview, checklist, signoffs].map(countRequests);

  // The fourth page makes the changes.
  await page.goto(`/launches/${launchId}/checklist`);
  const SECRETS = "Production secrets rotated and stored in the vault";
  const secrets = row(page, SECRETS);
  await secrets.getByRole("button", { name: `Mark ${SECRETS} done` }).click();
  await expect(secrets).toHaveAttribute("data-status", "DONE");
  await expect(secrets).not.toHaveAttribute("data-saving");

  await expect(row(checklist, SECRETS)).toHaveAttribute("data-status", "DONE");
  await expect(overview.getByTestId("checklist-summary")).toContainText("1 of");
  await expect(overview.getByRole("list", { name: "Activity" })).toContainText(SECRETS);
  await expect(waiting).toContainText(`${unowned - 1} required checks have no owner`);

  const DEPS = "Dependency and container scan clean";
  const deps = row(page, DEPS);
  await deps.getByRole("button", { name: /Actions for/ }).click();
  await page.getByRole("menuitem", { name: "Mark blocked…" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark blocked" });
  await dialog.getByLabel("What is blocking it?").fill("Vault upgrade scheduled for Thursday");
  await dialog.getByRole("button", { name: "Mark blocked" }).click();
  await expect(deps).toHaveAttribute("data-status", "BLOCKED");

  await expect(row(checklist, DEPS)).toContainText("Blocked: Vault upgrade scheduled for Thursday");
  await expect(signoffs.getByTestId("readiness-hero")).toContainText("blocked");
  await expect(signoffs.getByTestId("readiness-hero")).toContainText(DEPS);
  await expect(overview.getByTestId("readiness-hero")).toContainText(DEPS);

  // Reopen the first: every page follows back.
  await secrets.getByRole("button", { name: `Reopen ${SECRETS}` }).click();
  await expect(secrets).not.toHaveAttribute("data-saving");
  await expect(row(checklist, SECRETS)).toHaveAttribute("data-status", "TODO");
  await expect(overview.getByTestId("checklist-summary")).toContainText("0 of");
  await expect(waiting).toContainText(`${unowned} required checks have no owner`);

  // Nothing but the stream: no refetch, no server render, no action call on the watching pages.
  expect(requests).toEqual([[], [], []]);
});
