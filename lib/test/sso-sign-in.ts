import { expect } from "vitest";
import { handleAuthRequest } from "@/lib/auth/handler";
import { CookieJar, loginAtProvider } from "./oidc-provider";

// Integration tests: a complete single sign-on without a browser. better-auth's /sign-in/social, the
// provider's login form as `login`, then the app's callback; returns where the app sends the browser.
let n = 0;
export async function ssoSignIn(app: string, issuer: string, login: string) {
  const jar = new CookieJar();
  const start = await handleAuthRequest(
    new Request(`${app}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-liftoff-client-ip": `198.30.${Math.floor(++n / 250)}.${n % 250}` },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/launches", errorCallbackURL: "/sign-in" }),
    }),
  );
  expect(start.status, await start.clone().text()).toBe(200);
  jar.store(start);
  const { url } = (await start.json()) as { url: string };
  expect(url.startsWith(`${issuer}/auth?`)).toBe(true);
  const callback = await loginAtProvider(url, login);
  expect(callback.startsWith(`${app}/api/auth/callback/oidc?`)).toBe(true);
  const done = await handleAuthRequest(new Request(callback, { headers: { cookie: jar.header() } }));
  jar.store(done);
  return { status: done.status, location: new URL(done.headers.get("location") ?? "", app), cookie: jar.header() };
}
