import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export const uid = () => randomBytes(4).toString("hex");
export const PASSWORD = "e2e-password-123";
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

export type E2EUser = { name: string; email: string; password: string };

/** Registers a fresh user through the real sign-up endpoint; the page's context is then signed in as them. */
export async function signUp(page: Page, name = `Tester ${uid()}`, email = `e2e-${uid()}@test.liftoff`): Promise<E2EUser> {
  const response = await page.request.post("/api/auth/sign-up/email", {
    data: { email, password: PASSWORD, name },
    headers: { origin: BASE_URL },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return { name, email, password: PASSWORD };
}

/** Creates a launch through the UI as the signed-in user and returns its id. */
export async function createLaunch(page: Page, name = `Launch ${uid()}`, opts: { template?: string } = {}) {
  await page.goto("/launches/new");
  await page.getByLabel("Launch name").fill(name);
  await page.getByLabel("System going live").fill("Core banking");
  await page.getByLabel("Time zone").selectOption("Europe/London");
  if (opts.template) await page.getByLabel("Start from a template").selectOption({ label: opts.template });
  await page.getByRole("button", { name: "Create launch" }).click();
  // Not /launches/new itself (it matches too): wait for the created launch's page, however long that takes.
  await page.waitForURL((url) => /^\/launches\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/launches/")[1];
}

/** The manager (on `page`) invites `email` from the members page and returns the invitation link. */
export async function invite(page: Page, launchId: string, email: string, role: string) {
  await page.goto(`/launches/${launchId}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByTestId("invitation-created")).toContainText(email);
  return page.getByLabel("Invitation link").inputValue();
}

/** The product path to membership: the manager invites, the invitee (signed in as `email`) opens the link and accepts. */
export async function addMember(page: Page, launchId: string, invitee: Page, email: string, role: string) {
  const link = await invite(page, launchId, email, role);
  await invitee.goto(link);
  await invitee.getByRole("button", { name: "Accept and join" }).click();
  await invitee.waitForURL(new RegExp(`/launches/${launchId}$`));
}

export const test = base;
export { expect };
