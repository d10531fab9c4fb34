import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addMember, BASE_URL, createLaunch, expect, signUp, test, uid } from "./support/fixtures";

// Browser notifications from the live stream (issue 13). The permission is granted through Playwright;
// window.Notification is replaced by a recorder (the test cannot look at the OS's notifications), and
// document.visibilityState is made switchable, since a test page cannot really be put in the background.
declare global {
  interface Window {
    __notifications: { title: string; body?: string; tag?: string }[];
    __tabHidden: boolean;
  }
}

function recordNotifications(permission?: NotificationPermission) {
  const Real = window.Notification;
  window.__notifications = [];
  window.__tabHidden = false;
  class Recorded {
    onclick: (() => void) | null = null;
    constructor(title: string, options: NotificationOptions = {}) {
      window.__notifications.push({ title, body: options.body, tag: options.tag });
    }
    close() {}
    static get permission() {
      return permission ?? Real?.permission ?? "granted";
    }
    static requestPermission() {
      return permission ? Promise.resolve(permission) : Real.requestPermission();
    }
  }
  Object.defineProperty(window, "Notification", { configurable: true, writable: true, value: Recorded });
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (window.__tabHidden ? "hidden" : "visible") });
}

async function contextOf(browser: Browser, opts: { grant: boolean; permission?: NotificationPermission }): Promise<BrowserContext> {
  const context = await browser.newContext();
  if (opts.grant) await context.grantPermissions(["notifications"], { origin: BASE_URL });
  await context.addInitScript(recordNotifications, opts.permission);
  return context;
}

const live = (page: Page) => expect(page.getByTestId("live-indicator").locator("[data-status]")).toHaveAttribute("data-status", "live");
const calls = async (pages: Page[]) => (await Promise.all(pages.map((p) => p.evaluate(() => window.__notifications)))).flat();

async function addGroup(page: Page, launchId: string, name: string, approverName: string) {
  await page.goto(`/launches/${launchId}/signoffs`);
  await page.getByLabel("Group name").fill(name);
  await page.getByLabel("Rule").selectOption("ALL");
  await page.getByRole("checkbox", { name: new RegExp(approverName) }).check();
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByTestId("signoff-group").filter({ hasText: name })).toBeVisible();
}

test("an approver with the bell on gets one notification for a sign-off asked of them, only while the tab is hidden, once across two tabs", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const approverContext = await contextOf(browser, { grant: true });
  const approver = await approverContext.newPage();
  const approverUser = await signUp(approver, `Ann ${uid()}`);
  await signUp(page, `Maya ${uid()}`);
  const launchName = `Launch ${uid()}`;
  const launchId = await createLaunch(page, launchName);
  await addMember(page, launchId, approver, approverUser.email, "APPROVER");

  // Opt in on the launch header: the permission is already granted, so one click turns it on.
  await approver.goto(`/launches/${launchId}`);
  const bell = approver.getByTestId("notify-toggle");
  await expect(bell).toHaveText("Notify me");
  await bell.click();
  await expect(bell).toHaveText("Notifying");
  await expect(bell).toHaveAttribute("aria-pressed", "true");
  // A second tab of the same browser remembers the choice.
  const second = await approverContext.newPage();
  await second.goto(`/launches/${launchId}/checklist`);
  await expect(second.getByTestId("notify-toggle")).toHaveText("Notifying");
  await Promise.all([live(approver), live(second)]);

  // While a tab is visible, nothing pops up: the person is looking.
  // What the tabs recorded as handled (components/live/browser-notify.ts, `claim`: IndexedDB "liftoff-notifications").
  const handled = () =>
    approver.evaluate(async (id) => {
      if (!(await indexedDB.databases()).some((d) => d.name === "liftoff-notifications")) return null;
      return new Promise<unknown>((resolve) => {
        const open = indexedDB.open("liftoff-notifications");
        open.onsuccess = () => {
          const read = open.result.transaction("handled").objectStore("handled").get(id);
          read.onsuccess = () => resolve(read.result ?? null);
          read.onerror = () => resolve(null);
        };
        open.onerror = () => resolve(null);
      });
    }, launchId);
  await addGroup(page, launchId, "Operations", approverUser.name);
  // The visible tabs received the batch and marked it handled, without a notification.
  await expect.poll(handled, { timeout: 15_000 }).not.toBeNull();
  await approver.waitForTimeout(500);
  expect(await calls([approver, second])).toEqual([]);

  // Both tabs in the background: one notification between them.
  for (const p of [approver, second]) await p.evaluate(() => (window.__tabHidden = true));
  await addGroup(page, launchId, "QA", approverUser.name);
  await expect.poll(async () => (await calls([approver, second])).length, { timeout: 15_000 }).toBe(1);
  await approver.waitForTimeout(1_500); // the other tab had its chance too
  const shown = await calls([approver, second]);
  expect(shown).toHaveLength(1);
  expect(shown[0].title).toBe("Your sign-off is requested for “QA”");
  expect(shown[0].body).toContain(launchName);
  expect(shown[0].tag).toMatch(/^liftoff-event-\d+$/);
  await approverContext.close();
});

test("a blocked permission is said so, with how to allow it again", async ({ page, browser }) => {
  await signUp(page, `Maya ${uid()}`);
  const launchId = await createLaunch(page);
  const blockedContext = await contextOf(browser, { grant: false, permission: "denied" });
  const blocked = await blockedContext.newPage();
  const user = await signUp(blocked, `Ben ${uid()}`);
  await addMember(page, launchId, blocked, user.email, "VIEWER");
  await blocked.goto(`/launches/${launchId}`);
  const bell = blocked.getByTestId("notify-toggle");
  await expect(bell).toHaveText("Notifications blocked");
  await bell.click();
  await expect(blocked.getByTestId("notify-explain")).toContainText("site settings");
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  await blockedContext.close();
});
