import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions";
import { addMemberAction, renewInvitationAction, revokeInvitationAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf, uid, type TestUser } from "@/lib/test/fixtures";
import { hasPendingInvitation } from "./invitations";
import { previewInvitation } from "./invitations-queries";

let manager: TestUser;
let viewer: TestUser;
let launchId: string;
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

beforeEach(async () => {
  manager = await createUser();
  viewer = await createUser();
  launchId = (await createTestLaunch(manager, [[viewer, "VIEWER"]])).id;
});

const freshEmail = () => `invitee-${uid()}@test.liftoff`;
const memberOf = (userId: string) => db.member.findFirst({ where: { launchId, userId }, select: { role: true } });

async function invite(email: string, role: "MANAGER" | "ENGINEER" | "APPROVER" | "VIEWER" = "ENGINEER") {
  actAs(manager);
  const result = await addMemberAction({ launchId, email, role });
  if (!result.ok) throw new Error(`invite failed: ${result.error}`);
  return result.data;
}

describe("membership by invitation", () => {
  it("grants the invited role to the user who signs up with the address and opens the link; the token is never stored", async () => {
    const email = freshEmail();
    const invitation = await invite(email.toUpperCase(), "APPROVER");
    expect(invitation.email).toBe(email);
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await hasPendingInvitation(email)).toBe(true);

    // Only its sha256 is in the database, and no event carries the token.
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.invitationId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(invitation.token).digest("hex"));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(14 * 24 * 3600 * 1000, -4);

    // The invitee signs up only now, with the invited address.
    const invitee = await createUser({ email });
    actAs(invitee);
    const accepted = await acceptInvitationAction({ token: invitation.token });
    expect(accepted).toMatchObject({ ok: true, data: { launchId, role: "APPROVER", alreadyMember: false } });
    expect(await memberOf(invitee.id)).toEqual({ role: "APPROVER" });
    expect(await hasPendingInvitation(email)).toBe(false);

    const events = (await eventsOf(launchId)).slice(-2);
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["invitation.created", manager.id],
      ["invitation.accepted", invitee.id],
    ]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(invitation.token);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(row.tokenHash);

    // Accepting again is a no-op, with no second membership or event.
    const eventCount = (await eventsOf(launchId)).length;
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({ ok: true, data: { launchId, alreadyMember: true } });
    expect(await db.member.count({ where: { launchId, userId: invitee.id } })).toBe(1);
    expect((await eventsOf(launchId)).length).toBe(eventCount);
  });

  it("refuses the link to a signed-in user with another address, and keeps the invitation pending", async () => {
    const email = freshEmail();
    const invitation = await invite(email);
    const stranger = await createUser();
    actAs(stranger);
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: expect.stringContaining(`This invitation is for ${email}`),
    });
    expect(await memberOf(stranger.id)).toBeNull();
    expect(await hasPendingInvitation(email)).toBe(true);
    // ...and after the rightful user has used it, it is spent for everyone else.
    const invitee = await createUser({ email });
    actAs(invitee);
    expect((await acceptInvitationAction({ token: invitation.token })).ok).toBe(true);
    actAs(stranger);
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/already been used/) });
  });

  it("refuses expired, withdrawn, replaced and made-up links, writing nothing", async () => {
    const email = freshEmail();
    const invitee = await createUser({ email });
    const expired = await invite(email);
    await db.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    actAs(invitee);
    expect(await acceptInvitationAction({ token: expired.token })).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringMatching(/expired/) });
    expect(await hasPendingInvitation(email)).toBe(false);

    // Re-inviting replaces the pending invitation: the older link is withdrawn.
    const first = await invite(email, "VIEWER");
    const second = await invite(email, "ENGINEER");
    expect(await db.invitation.count({ where: { launchId, email, acceptedAt: null, revokedAt: null } })).toBe(1);
    actAs(invitee);
    expect(await acceptInvitationAction({ token: first.token })).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringMatching(/withdrawn/) });

    actAs(manager);
    expect(await revokeInvitationAction({ launchId, invitationId: second.invitationId })).toMatchObject({ ok: true });
    actAs(invitee);
    expect(await acceptInvitationAction({ token: second.token })).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringMatching(/withdrawn/) });

    expect(await acceptInvitationAction({ token: "A".repeat(43) })).toMatchObject({ ok: false, code: "NOT_FOUND", error: expect.stringMatching(/not valid/) });
    expect(await acceptInvitationAction({ token: "x".repeat(5000) })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await acceptInvitationAction({ token: "bad\u0000token" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await memberOf(invitee.id)).toBeNull();
    expect((await eventsOf(launchId)).filter((e) => e.type === "invitation.accepted")).toHaveLength(0);

    actAs(null);
    expect(await acceptInvitationAction({ token: second.token })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("gives the manager the same answer whether or not the address has an account", async () => {
    const existing = await createUser();
    const unknown = freshEmail();
    actAs(manager);
    const a = await addMemberAction({ launchId, email: existing.email, role: "ENGINEER" });
    const b = await addMemberAction({ launchId, email: unknown, role: "ENGINEER" });
    const shape = (r: typeof a) => (r.ok ? { ok: true, keys: Object.keys(r.data).sort(), role: r.data.role, readiness: typeof r.readiness } : r);
    expect(shape(a)).toEqual(shape(b));
    expect(a.ok && b.ok).toBe(true);
    const [ea, eb] = (await eventsOf(launchId)).slice(-2);
    expect(Object.keys(ea.payload as object).sort()).toEqual(Object.keys(eb.payload as object).sort());
    // Neither becomes a member until someone proves the address.
    expect(await memberOf(existing.id)).toBeNull();
  });

  it("refuses invitations to outsiders and to members without the right, writing nothing", async () => {
    const outsider = await createUser();
    await createTestLaunch(outsider);
    const before = await db.invitation.count();
    actAs(outsider);
    expect(await addMemberAction({ launchId, email: freshEmail(), role: "MANAGER" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(viewer);
    expect(await addMemberAction({ launchId, email: freshEmail(), role: "MANAGER" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const pending = await invite(freshEmail());
    for (const who of [outsider, viewer]) {
      actAs(who);
      expect((await revokeInvitationAction({ launchId, invitationId: pending.invitationId })).ok).toBe(false);
      expect((await renewInvitationAction({ launchId, invitationId: pending.invitationId })).ok).toBe(false);
    }
    expect(await db.invitation.count()).toBe(before + 1);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: pending.invitationId } })).toMatchObject({ revokedAt: null });
    // An id from another launch is not found through this one.
    const otherLaunch = await createTestLaunch(manager);
    actAs(manager);
    expect(await revokeInvitationAction({ launchId: otherLaunch.id, invitationId: pending.invitationId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses to invite an existing member, or an address that is not an email", async () => {
    actAs(manager);
    expect(await addMemberAction({ launchId, email: viewer.email, role: "ENGINEER" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await addMemberAction({ launchId, email: "not-an-email", role: "ENGINEER" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { email: [expect.stringMatching(/email address/)] },
    });
    expect(await db.invitation.count({ where: { launchId } })).toBe(0);
  });

  it("a new link replaces the old one and restarts the expiry", async () => {
    const email = freshEmail();
    const invitation = await invite(email);
    await db.invitation.update({ where: { id: invitation.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    actAs(manager);
    const renewed = await renewInvitationAction({ launchId, invitationId: invitation.invitationId });
    expect(renewed).toMatchObject({ ok: true });
    const token = renewed.ok ? renewed.data.token : "";
    expect(token).not.toBe(invitation.token);
    expect(new Date(renewed.ok ? renewed.data.expiresAt : 0).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    expect((await eventsOf(launchId)).at(-1)).toMatchObject({ type: "invitation.renewed" });
    const invitee = await createUser({ email });
    actAs(invitee);
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await acceptInvitationAction({ token })).toMatchObject({ ok: true });
  });

  it("two accepts of one link at once make one membership", async () => {
    const email = freshEmail();
    const invitation = await invite(email, "VIEWER");
    const invitee = await createUser({ email });
    actAs(invitee);
    const results = await Promise.all([0, 1, 2].map(() => acceptInvitationAction({ token: invitation.token })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.member.count({ where: { launchId, userId: invitee.id } })).toBe(1);
    expect((await eventsOf(launchId)).filter((e) => e.type === "invitation.accepted")).toHaveLength(1);
  });

  it("answers CONFLICT, not INTERNAL, when the membership is created by another transaction at the same moment", async () => {
    const email = freshEmail();
    const invitation = await invite(email, "ENGINEER");
    const invitee = await createUser({ email });
    await client.query("BEGIN");
    await client.query(`INSERT INTO member (id, launch_id, user_id, role) VALUES ($1, $2, $3, 'VIEWER')`, [`race-${uid()}`, launchId, invitee.id]);
    actAs(invitee);
    const accepting = acceptInvitationAction({ token: invitation.token });
    // Wait until the accept is blocked on the uncommitted row's unique key, then let that row win.
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`);
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await client.query("COMMIT");
    expect(await accepting).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await memberOf(invitee.id)).toEqual({ role: "VIEWER" });
    expect(await hasPendingInvitation(email)).toBe(true);
  });

  // With mail configured, verification is required: lib/auth/email-verification.int.test.ts (real SMTP).
  it("without mail configured, the signed-in holder of the address and the link joins, verified or not", async () => {
    const email = freshEmail();
    const invitation = await invite(email);
    expect(invitation.mailed).toBe(false);
    const invitee = await createUser({ email });
    await db.user.update({ where: { id: invitee.id }, data: { emailVerified: false } });
    actAs(invitee);
    expect(await previewInvitation(invitation.token, invitee.id)).toMatchObject({ found: true, refusal: null });
    expect(await acceptInvitationAction({ token: invitation.token })).toMatchObject({ ok: true });
  });

  it("the invite page's preview tells the holder what they may do, and nothing for an unknown link", async () => {
    const email = freshEmail();
    const invitation = await invite(email, "APPROVER");
    expect(await previewInvitation("A".repeat(43), null)).toEqual({ found: false });
    expect(await previewInvitation(invitation.token, null)).toMatchObject({ found: true, launchId, role: "APPROVER", email, status: "pending", refusal: null });
    expect(await previewInvitation(invitation.token, viewer.id)).toMatchObject({ refusal: { kind: "wrong-account" } });
  });
});
