import { addMember, createLaunch, expect, invite, signUp, test, uid } from "./support/fixtures";
import { SecondInstance } from "./support/second-instance";

// Two app instances on one Postgres: a change made through instance A reaches a browser on instance B
// at once, and a browser whose instance restarts reconnects and replays what it missed.

const second = new SecondInstance(Number(process.env.E2E_PORT ?? 3100) + 50);
test.beforeAll(async () => second.start());
test.afterAll(async () => second.stop());

test("a change made on instance A appears live for a viewer on instance B, and survives B restarting", async ({ page, browser }) => {
  // The body restarts instance B (a Next boot, up to SecondInstance's own 60 s under load) besides four
  // sign-ups and a launch made through the UI: 120 s was exceeded once on a loaded machine (load 16).
  test.setTimeout(240_000);
  const manager = await signUp(page, `Manager ${uid()}`);
  const launchId = await createLaunch(page, `Live launch ${uid()}`);

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signUp(viewerPage, `Viewer ${uid()}`);
  const engineers = await Promise.all([0, 1].map(async () => signUp(await (await browser.newContext()).newPage(), `Engineer ${uid()}`)));

  await addMember(page, launchId, viewerPage, viewer.email, "VIEWER");

  // The viewer watches the overview on instance B.
  await viewerPage.goto(`${second.url}/launches/${launchId}`);
  await expect(viewerPage.getByTestId("live-indicator").getByRole("status")).toHaveAttribute("data-status", "live");
  // Presence: the manager, on instance A, sees the viewer on instance B watching.
  await page.goto(`/launches/${launchId}`);
  await expect(page.getByTestId("presence")).toContainText(viewer.name);
  await expect(viewerPage.getByTestId("presence")).toContainText(manager.name);

  await invite(page, launchId, engineers[0].email, "ENGINEER");
  // A viewer reads "invited someone": invited addresses are the managers' business (lib/launches/event-privacy.ts).
  const activity = viewerPage.getByRole("list", { name: "Activity" });
  const invited = activity.getByText("invited someone as engineer");
  await expect(invited).toHaveCount(1, { timeout: 5_000 });
  await expect(activity.getByText(engineers[0].email)).toHaveCount(0);

  // Instance B goes away; the viewer's page notices, a change happens meanwhile, B comes back.
  await second.stop();
  await expect(viewerPage.getByTestId("live-indicator").getByRole("status")).not.toHaveAttribute("data-status", "live");
  await invite(page, launchId, engineers[1].email, "ENGINEER");
  await second.start();
  await expect(viewerPage.getByTestId("live-indicator").getByRole("status")).toHaveAttribute("data-status", "live", { timeout: 20_000 });
  await expect(invited).toHaveCount(2, { timeout: 10_000 });
  await viewerContext.close();
});
