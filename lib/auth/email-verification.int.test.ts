import { afterAll, describe, expect, it } from "vitest";
import { startTestMailer } from "@/lib/test/smtp";

// Membership by invitation with mail configured, end to end against a real SMTP server (lib/test/smtp.ts):
// the invitation is mailed, sign-up sends better-auth's verification mail, an unverified user can neither
// sign in nor accept, the mailed link verifies (and signs in), and only then does accepting grant access.
// lib/env.ts reads SMTP_URL once per test file: it is set before anything imports it.

const smtp = await startTestMailer();

const { handleAuthRequest } = await import("@/lib/auth/handler");
const { db } = await import("@/lib/db/client");
const { createUser, createTestLaunch, actAs, uid } = await import("@/lib/test/fixtures");
const { addMemberAction } = await import("@/app/(app)/launches/[launchId]/members/actions");
const { acceptInvitationAction } = await import("@/app/(auth)/invite/[token]/actions");
const { previewInvitation } = await import("@/lib/launches/invitations-queries");

afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

let ip = 0;
const post = (path: string, body: Record<string, unknown>) =>
  handleAuthRequest(
    new Request(`http://localhost:3000/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-liftoff-client-ip": `198.51.100.${++ip}` },
      body: JSON.stringify(body),
    }),
  );
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
const linkIn = (text: string, pattern: RegExp) => {
  const found = text.match(pattern)?.[0];
  if (!found) throw new Error(`no link matching ${pattern} in: ${text}`);
  return found;
};

describe("invitation with mail configured", () => {
  it("mails the invitation; an unverified account can neither sign in nor accept; the mailed link verifies and then accepting works", async () => {
    const manager = await createUser({ name: "Mia Manager" });
    const launchName = `Mail launch ${uid()}`;
    const launch = await createTestLaunch(manager, [], launchName);
    const email = `mailed-${uid()}@test.liftoff`;

    // 1. The manager invites: the answer says the link was mailed, and the mail holds it.
    actAs(manager);
    const invited = await addMemberAction({ launchId: launch.id, email, role: "APPROVER" });
    if (!invited.ok) throw new Error(invited.error);
    expect(invited.data.mailed).toBe(true);
    const inviteMail = await smtp.waitForMail((m) => m.to.includes(email) && /invited you/.test(m.subject));
    expect(inviteMail.subject).toBe(`Mia Manager invited you to ${launchName} on Liftoff`);
    expect(inviteMail.from).toContain("liftoff@test.liftoff");
    const inviteLink = linkIn(inviteMail.text, /http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}/);
    expect(inviteLink).toBe(`http://localhost:3000/invite/${invited.data.token}`);
    const invitePath = new URL(inviteLink).pathname;

    // 2. Sign-up with the invited address: no session until the address is verified; a verification mail is sent.
    const signUp = await post("/sign-up/email", { email, password: "a-long-password", name: "Ines Invitee", callbackURL: invitePath });
    expect(signUp.status).toBe(200);
    expect((await signUp.json()).token).toBeNull();
    expect(cookieOf(signUp)).not.toMatch(/session_token/);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.emailVerified).toBe(false);
    const firstVerify = await smtp.waitForMail((m) => m.to.includes(email) && /Verify your email/.test(m.subject));

    // 3. Signing in before verifying is refused (403 EMAIL_NOT_VERIFIED), and sends a fresh link.
    const signIn = await post("/sign-in/email", { email, password: "a-long-password", callbackURL: invitePath });
    expect(signIn.status).toBe(403);
    expect((await signIn.json()).code).toBe("EMAIL_NOT_VERIFIED");
    const verifyMails = smtp.received.filter((m) => m.to.includes(email) && /Verify your email/.test(m.subject));
    await smtp.waitForMail((m) => m !== firstVerify && m.to.includes(email) && /Verify your email/.test(m.subject));

    // 4. Even holding a session (e.g. one made before mail was configured), an unverified user cannot accept.
    const unverifiedActor = { userId: user.id, isAdmin: false };
    const preview = await previewInvitation(invited.data.token, user.id);
    expect(preview.found && preview.refusal?.kind).toBe("unverified");
    const { acceptInvitation } = await import("@/lib/launches/invitations");
    await expect(acceptInvitation(unverifiedActor, invited.data.token)).rejects.toThrow(/Verify .* first/);
    expect(await db.member.count({ where: { launchId: launch.id, userId: user.id } })).toBe(0);
    expect(verifyMails.length).toBeGreaterThanOrEqual(1);

    // 5. The mailed link verifies the address, signs the user in and returns to the invitation.
    const verifyUrl = linkIn(firstVerify.text, /http:\/\/localhost:3000\/api\/auth\/verify-email\?\S+/);
    const verified = await handleAuthRequest(new Request(verifyUrl));
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe(invitePath);
    const cookie = cookieOf(verified);
    expect(cookie).toMatch(/session_token=/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBe(true);

    // 6. Now, signed in through that link, accepting grants the invited role.
    actAs({ id: user.id, name: "Ines Invitee", email, cookie, actor: unverifiedActor });
    const accepted = await acceptInvitationAction({ token: invited.data.token });
    expect(accepted.ok).toBe(true);
    expect((await db.member.findFirstOrThrow({ where: { launchId: launch.id, userId: user.id } })).role).toBe("APPROVER");
  });

  it("refuses a forged or altered verification link and verifies nothing", async () => {
    const email = `forged-${uid()}@test.liftoff`;
    expect((await post("/sign-up/email", { email, password: "a-long-password", name: "Fay Forger", callbackURL: "/" })).status).toBe(200);
    const mail = await smtp.waitForMail((m) => m.to.includes(email) && /Verify your email/.test(m.subject));
    const url = new URL(linkIn(mail.text, /http:\/\/localhost:3000\/api\/auth\/verify-email\?\S+/));
    const token = url.searchParams.get("token")!;
    url.searchParams.set("token", `${token.slice(0, -4)}AAAA`);
    const response = await handleAuthRequest(new Request(url));
    expect(response.headers.getSetCookie().join(";")).not.toMatch(/session_token=[^;]+/);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(false);
  });

  it("renewing an invitation mails the new link; the old one no longer opens it", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const email = `renewed-${uid()}@test.liftoff`;
    actAs(manager);
    const first = await addMemberAction({ launchId: launch.id, email, role: "VIEWER" });
    if (!first.ok) throw new Error(first.error);
    const { renewInvitationAction } = await import("@/app/(app)/launches/[launchId]/members/actions");
    const renewed = await renewInvitationAction({ launchId: launch.id, invitationId: first.data.invitationId });
    if (!renewed.ok) throw new Error(renewed.error);
    expect(renewed.data.mailed).toBe(true);
    await smtp.waitForMail((m) => m.to.includes(email) && m.text.includes(`/invite/${renewed.data.token}`));
    expect((await previewInvitation(first.data.token, null)).found).toBe(false);
  });
});
