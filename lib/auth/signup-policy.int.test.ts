import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { uid } from "@/lib/test/fixtures";

// LIFTOFF_SIGNUP=invite-only and LIFTOFF_ADMIN_EMAILS, read once per test file (lib/env.ts caches them).
const adminEmail = `ops-${uid()}@test.liftoff`;
process.env.LIFTOFF_SIGNUP = "invite-only";
process.env.LIFTOFF_ADMIN_EMAILS = adminEmail;

const { handleAuthRequest } = await import("@/lib/auth/handler");
const { db } = await import("@/lib/db/client");
const { createUser, createTestLaunch } = await import("@/lib/test/fixtures");

let n = 0;
const signUp = (email: string) =>
  handleAuthRequest(
    new Request("http://localhost:3000/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-liftoff-client-ip": `198.20.0.${++n}` },
      body: JSON.stringify({ email, password: "a-long-password", name: "Policy Test" }),
    }),
  );

let launchId: string;
let managerId: string;
beforeAll(async () => {
  const manager = await createUser();
  managerId = manager.id;
  launchId = (await createTestLaunch(manager)).id;
});

async function invite(email: string, opts: { revoked?: boolean; accepted?: boolean } = {}) {
  await db.$executeRaw`
    INSERT INTO invitation (id, launch_id, email, role, token_hash, revoked_at, accepted_at, accepted_by_id)
    VALUES (${randomUUID()}, ${launchId}, ${email}, 'VIEWER', ${randomUUID()},
            ${opts.revoked ? new Date() : null}, ${opts.accepted ? new Date() : null}, ${opts.accepted ? managerId : null})`;
}

describe("invite-only sign-up", () => {
  it("refuses an address without a pending invitation with a 403 that says why, and creates nothing", async () => {
    const email = `stranger-${uid()}@test.liftoff`;
    const response = await signUp(email);
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.code).toBe("SIGN_UP_INVITE_ONLY");
    expect(body.message).toMatch(/invitation only/);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses revoked and already accepted invitations", async () => {
    const revoked = `revoked-${uid()}@test.liftoff`;
    const accepted = `accepted-${uid()}@test.liftoff`;
    await invite(revoked, { revoked: true });
    await invite(accepted, { accepted: true });
    expect((await signUp(revoked)).status).toBe(403);
    expect((await signUp(accepted)).status).toBe(403);
  });

  it("lets an invited address sign up, whatever its case", async () => {
    const email = `invited-${uid()}@test.liftoff`;
    await invite(email);
    expect((await signUp(email.toUpperCase())).status).toBe(200);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets a LIFTOFF_ADMIN_EMAILS address sign up and makes it an admin, with an audit event", async () => {
    expect((await signUp(adminEmail)).status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { email: adminEmail }, select: { id: true, isAdmin: true } });
    expect(user.isAdmin).toBe(true);
    const events = await db.event.findMany({ where: { type: "admin.granted", launchId: null } });
    expect(events.some((e) => (e.payload as { userId?: string }).userId === user.id && (e.payload as { via?: string }).via === "LIFTOFF_ADMIN_EMAILS")).toBe(true);
  });
});
