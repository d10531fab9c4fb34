import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ssoSettings, startOidcProvider } from "@/lib/test/oidc-provider";
import { uid } from "@/lib/test/fixtures";

// Single sign-on against a real OpenID provider (oidc-provider on 127.0.0.1), driven without a browser:
// better-auth's sign-in/social, the provider's login form, then the app's callback. Invite-only sign-up
// is on in this file, to show provisioning passes the same gate as a password sign-up.
const APP = process.env.BETTER_AUTH_URL ?? "http://localhost:3000";
const idp = await startOidcProvider({ redirectUris: [`${APP}/api/auth/callback/oidc`] });
const settings = ssoSettings(idp, { OIDC_PROVIDER_NAME: "Corp IdP", OIDC_SCOPES: "openid email profile groups", OIDC_ADMIN_GROUP: "liftoff-admins", LIFTOFF_SIGNUP: "invite-only" });
// lib/env.ts reads these once per test file; they are removed again so no later file sees them.
Object.assign(process.env, settings);

const { db } = await import("@/lib/db/client");
const { createUser, createTestLaunch } = await import("@/lib/test/fixtures");
const { setUserDeactivated } = await import("@/lib/admin/users");
const { ssoSignIn: signIn } = await import("@/lib/test/sso-sign-in");

const ssoSignIn = (login: string) => signIn(APP, idp.issuer, login);

const adminEvents = async (type: string, userId: string) =>
  (await db.event.findMany({ where: { type, launchId: null }, select: { payload: true } }))
    .map((e) => e.payload as { userId?: string; via?: string })
    .filter((p) => p.userId === userId);

let launchId: string;
let otherAdmin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  otherAdmin = await createUser({ isAdmin: true });
  launchId = (await createTestLaunch(otherAdmin)).id;
});
afterAll(async () => {
  for (const key of Object.keys(settings)) delete process.env[key];
  await idp.stop();
});

async function invite(email: string) {
  await db.$executeRaw`
    INSERT INTO invitation (id, launch_id, email, role, token_hash) VALUES (${randomUUID()}, ${launchId}, ${email}, 'VIEWER', ${randomUUID()})`;
}

describe("single sign-on", () => {
  it("refuses to provision an address invite-only sign-up does not allow, and says why on the sign-in page", async () => {
    const email = `stranger-${uid()}@corp.example`;
    const subject = `stranger-${uid()}`;
    idp.upsertUser({ id: subject, email, name: "Stranger", groups: ["liftoff-admins"] });
    const result = await ssoSignIn(subject);
    expect(result.status).toBe(302);
    expect(result.location.pathname).toBe("/sign-in");
    expect(result.location.searchParams.get("error")).toBe("SIGN_UP_INVITE_ONLY");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("provisions an invited user on first sign-in, signed in, and makes a member of the admin group admin (audited)", async () => {
    const email = `ada-${uid()}@corp.example`;
    const subject = `ada-${uid()}`;
    await invite(email);
    idp.upsertUser({ id: subject, email, name: "Ada Admin", groups: ["staff", "liftoff-admins"] });
    const result = await ssoSignIn(subject);
    expect(result.status).toBe(302);
    expect(result.location.pathname).toBe("/launches");
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, isAdmin: true, emailVerified: true } });
    expect(user).toMatchObject({ name: "Ada Admin", isAdmin: true, emailVerified: true });
    expect(await db.account.findFirst({ where: { userId: user.id, providerId: "oidc", accountId: subject } })).not.toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(result.cookie).toMatch(/session_token=/);
    expect((await adminEvents("admin.granted", user.id)).map((p) => p.via)).toEqual(["OIDC_ADMIN_GROUP"]);

    // Signing in again as a member changes nothing; after leaving the group, admin is revoked (audited).
    await ssoSignIn(subject);
    expect(await adminEvents("admin.granted", user.id)).toHaveLength(1);
    idp.upsertUser({ id: subject, email, name: "Ada Admin", groups: ["staff"] });
    expect((await ssoSignIn(subject)).location.pathname).toBe("/launches");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(false);
    expect((await adminEvents("admin.revoked", user.id)).map((p) => p.via)).toEqual(["OIDC_ADMIN_GROUP"]);
  });

  it("signs a returning user in without a new account, and never makes a non-member admin", async () => {
    const email = `bob-${uid()}@corp.example`;
    await invite(email);
    const subject = `bob-${uid()}`;
    idp.upsertUser({ id: subject, email, name: "Bob", groups: ["staff"] });
    await ssoSignIn(subject);
    await ssoSignIn(subject);
    const users = await db.user.findMany({ where: { email }, select: { id: true, isAdmin: true } });
    expect(users).toHaveLength(1);
    expect(users[0].isAdmin).toBe(false);
    expect(await db.account.count({ where: { userId: users[0].id } })).toBe(1);
  });

  it("refuses a deactivated account, and changes no admin rights for it", async () => {
    const email = `gone-${uid()}@corp.example`;
    await invite(email);
    const subject = `gone-${uid()}`;
    idp.upsertUser({ id: subject, email, name: "Gone", groups: ["staff", "liftoff-admins"] });
    await ssoSignIn(subject);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, isAdmin: true } });
    expect(user.isAdmin).toBe(true);
    await setUserDeactivated(otherAdmin.actor, { userId: user.id, deactivated: true });
    idp.upsertUser({ id: subject, email, name: "Gone", groups: ["staff"] });
    const { location } = await ssoSignIn(subject);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("error")).toBe("ACCOUNT_DEACTIVATED");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // No session, so the group change is not applied either.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(true);
  });
});
