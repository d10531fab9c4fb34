import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export const uid = () => randomBytes(4).toString("hex");
export const PASSWORD = "e2e-password-123";
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

export type E2EUser = { name: string; email: string; password: string };

/** Registers a fresh user through the real sign-up endpoint; the page's context is then signed in as them. */
export async function signUp(page: Page, name = `Tester ${uid()}`): Promise<E2EUser> {
  const email = `e2e-${uid()}@test.liftoff`;
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
  await page.waitForURL(/\/launches\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/launches/")[1];
}

export const test = base;
export { expect };
