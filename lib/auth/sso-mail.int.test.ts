import { afterAll, describe, expect, it } from "vitest";
import { ssoSettings, startOidcProvider } from "@/lib/test/oidc-provider";
import { startTestSmtp } from "@/lib/test/smtp";
import { uid } from "@/lib/test/fixtures";

// Single sign-on with mail configured: an address the provider does not vouch for (email_verified false) is
// verified by a mailed link before it gets a session, as after a password sign-up; a vouched one is not.
const APP = "http://localhost:3000";
const smtp = await startTestSmtp();
const idp = await startOidcProvider({ redirectUris: [`${APP}/api/auth/callback/oidc`] });
const settings = ssoSettings(idp, { SMTP_URL: smtp.url, MAIL_FROM: "Liftoff <liftoff@test.liftoff>", BETTER_AUTH_URL: APP });
// lib/env.ts reads these once per test file; they are removed again so no later file sees them.
Object.assign(process.env, settings);

const { db } = await import("@/lib/db/client");
const { ssoSignIn } = await import("@/lib/test/sso-sign-in");

afterAll(async () => {
  for (const key of Object.keys(settings)) delete process.env[key];
  await idp.stop();
  await smtp.close();
});

describe("single sign-on with mail configured", () => {
  it("mails a verification link instead of a session when the provider has not verified the address", async () => {
    const id = `unverified-${uid()}`;
    const email = `${id}@corp.example`;
    idp.upsertUser({ id, email, name: "Unverified", groups: [], emailVerified: false });
    const { location, cookie } = await ssoSignIn(APP, idp.issuer, id);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("email_not_verified");
    expect(cookie).not.toMatch(/session_token=/);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.emailVerified).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const mail = await smtp.waitForMail((m) => m.to.includes(email));
    expect(mail.text).toMatch(/verify-email\?token=/);
  });

  it("signs in at once, without mail, an address the provider has verified", async () => {
    const id = `verified-${uid()}`;
    const email = `${id}@corp.example`;
    idp.upsertUser({ id, email, name: "Verified", groups: [] });
    const { location, cookie } = await ssoSignIn(APP, idp.issuer, id);
    expect(location.pathname).toBe("/launches");
    expect(cookie).toMatch(/session_token=/);
    expect(smtp.received.some((m) => m.to.includes(email))).toBe(false);
  });
});
