import { afterAll, describe, expect, it } from "vitest";
import { ssoSettings, startOidcProvider } from "@/lib/test/oidc-provider";
import { uid } from "@/lib/test/fixtures";

// LIFTOFF_PASSWORD_SIGNIN=off (with single sign-on configured): the server refuses email + password
// sign-in and sign-up, whatever the page shows; single sign-on stays available.
const APP = process.env.BETTER_AUTH_URL ?? "http://localhost:3000";
const idp = await startOidcProvider({ redirectUris: [`${APP}/api/auth/callback/oidc`] });
const settings = ssoSettings(idp, { LIFTOFF_PASSWORD_SIGNIN: "off" });
// lib/env.ts reads these once per test file; they are removed again so no later file sees them.
Object.assign(process.env, settings);

const { handleAuthRequest } = await import("@/lib/auth/handler");
const { db } = await import("@/lib/db/client");
const { createPasswordUser } = await import("@/lib/seed/users");
afterAll(async () => {
  for (const key of Object.keys(settings)) delete process.env[key];
  await idp.stop();
});

let n = 0;
const post = (path: string, body: Record<string, unknown>) =>
  handleAuthRequest(
    new Request(`${APP}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-liftoff-client-ip": `198.31.0.${++n}` },
      body: JSON.stringify(body),
    }),
  );

describe("password sign-in turned off", () => {
  it("refuses email sign-up and creates nothing", async () => {
    const email = `new-${uid()}@test.liftoff`;
    const response = await post("/sign-up/email", { email, password: "a-long-password", name: "New" });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("EMAIL_PASSWORD_SIGN_UP_DISABLED");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses email sign-in even with the right password of an existing account", async () => {
    const email = `old-${uid()}@test.liftoff`;
    const user = await createPasswordUser({ name: "Old", email, password: "the-right-password" });
    const response = await post("/sign-in/email", { email, password: "the-right-password" });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("EMAIL_PASSWORD_DISABLED");
    expect(await db.session.count({ where: { userId: user } })).toBe(0);
  });

  it("still starts single sign-on", async () => {
    const response = await post("/sign-in/social", { provider: "oidc", callbackURL: "/launches" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url.startsWith(`${idp.issuer}/auth?`)).toBe(true);
  });
});
