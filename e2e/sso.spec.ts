import { ssoSettings, startOidcProvider, type TestOidcProvider } from "../lib/test/oidc-provider";
import { expect, test, uid } from "./support/fixtures";
import { SecondInstance } from "./support/second-instance";

// Single sign-on against a real OpenID provider (oidc-provider on 127.0.0.1, started here). The app needs
// the provider's address at start, so this spec runs its own instance of the build with OIDC_* set and
// password sign-in turned off; the suite's main instance stays as it is.

const port = Number(process.env.E2E_PORT ?? 3100) + 7;
const app = `http://localhost:${port}`;
let idp: TestOidcProvider;
let liftoff: SecondInstance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  idp = await startOidcProvider({ redirectUris: [`${app}/api/auth/callback/oidc`] });
  liftoff = new SecondInstance(port, ssoSettings(idp, {
    OIDC_PROVIDER_NAME: "Corp IdP",
    OIDC_SCOPES: "openid email profile groups",
    OIDC_ADMIN_GROUP: "liftoff-admins",
    LIFTOFF_PASSWORD_SIGNIN: "off",
  }));
  await liftoff.start();
});
test.afterAll(async () => {
  await liftoff?.stop();
  await idp?.stop();
});

/** A new person at the provider; `admin`: in the admin group. */
function person(admin: boolean) {
  const id = `sso-${uid()}`;
  const user = { id, email: `${id}@corp.example`, name: `Sso ${id.slice(4)}`, groups: admin ? ["staff", "liftoff-admins"] : ["staff"] };
  idp.upsertUser(user);
  return user;
}

test("a member of the admin group signs in through the provider, is provisioned and is an instance admin", async ({ page }) => {
  const user = person(true);
  await page.goto(`${app}/sign-in?next=${encodeURIComponent("/admin")}`);
  // Passwords are off: no password form, the provider's button is the way in.
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign in with Corp IdP" }).click();

  // The provider's own (development) login form.
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(user.id);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();

  await page.waitForURL(`${app}/admin`);
  await expect(page.getByRole("heading", { level: 1, name: "Environments and freezes" })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
});

test("someone outside the admin group gets an ordinary account, and the password endpoints refuse", async ({ page }) => {
  const user = person(false);
  await page.goto(`${app}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Corp IdP" }).click();
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(user.id);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.waitForURL((url) => url.origin === app && !url.pathname.startsWith("/sign-in"));
  await expect(page.getByText(user.email)).toBeVisible();

  await page.goto(`${app}/admin`);
  await expect(page.getByText("Instance admins only")).toBeVisible();

  // Not just hidden: the server refuses email + password sign-in and sign-up.
  const signIn = await page.request.post(`${app}/api/auth/sign-in/email`, { data: { email: user.email, password: "whatever-password" }, headers: { origin: app } });
  expect(signIn.status()).toBe(400);
  const signUp = await page.request.post(`${app}/api/auth/sign-up/email`, { data: { email: `x-${user.email}`, password: "a-long-password", name: "X" }, headers: { origin: app } });
  expect(signUp.status()).toBe(400);
});
