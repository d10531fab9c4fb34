import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserAdminAction, setUserDeactivatedAction } from "@/app/(app)/admin/users/actions";
import { LAST_ADMIN_MESSAGE, searchUsers, setUserAdmin, setUserDeactivated } from "@/lib/admin/users";
import { authenticateApiToken } from "@/lib/api-tokens/tokens";
import { DEACTIVATED_MESSAGE, getAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { authorizeStream } from "@/lib/live/authorize-stream";
import { createTestToken } from "@/lib/test/api";
import { actAs, createTestLaunch, createUser, uid, type TestUser } from "@/lib/test/fixtures";

const session = (user: TestUser) => getAuth().api.getSession({ headers: new Headers({ cookie: user.cookie }) });

function signIn(email: string) {
  return getAuth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-liftoff-client-ip": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify({ email, password: "test-password-123" }),
    }),
  );
}

const instanceEvents = (type: string, userId: string) =>
  db.event.findMany({ where: { launchId: null, type }, select: { payload: true, actorId: true } }).then((rows) => rows.filter((r) => (r.payload as { userId?: string }).userId === userId));

describe("deactivating an account", () => {
  it("ends its sessions at once, refuses its sign-in and its API tokens, and keeps its memberships; reactivation lets it sign in again", async () => {
    const admin = await createUser({ isAdmin: true });
    const user = await createUser();
    const manager = await createUser();
    const launch = await createTestLaunch(manager, [[user, "ENGINEER"]]);
    const { token } = await createTestToken(user, [launch.id], ["read"]);
    expect(await session(user)).not.toBeNull();
    expect((await authenticateApiToken(`Bearer ${token}`)).ok).toBe(true);

    actAs(admin);
    const result = await setUserDeactivatedAction({ userId: user.id, deactivated: true });
    expect(result).toMatchObject({ ok: true, data: { deactivated: true, tokensRevoked: 1 } });

    expect(await session(user)).toBeNull();
    expect(await authenticateApiToken(`Bearer ${token}`)).toEqual({ ok: false, reason: "invalid" });
    const refused = await signIn(user.email);
    expect(refused.ok).toBe(false);
    expect(refused.headers.getSetCookie().some((c) => c.startsWith("better-auth.session_token=") && !c.includes("Max-Age=0"))).toBe(false);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "ACCOUNT_DEACTIVATED", message: DEACTIVATED_MESSAGE });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.member.count({ where: { launchId: launch.id, userId: user.id } })).toBe(1);
    expect(await instanceEvents("user.deactivated", user.id)).toEqual([expect.objectContaining({ actorId: admin.id })]);

    // A second admin acting at the same moment hears CONFLICT, not a silent repeat.
    expect(await setUserDeactivatedAction({ userId: user.id, deactivated: true })).toMatchObject({ ok: false, code: "CONFLICT" });

    expect(await setUserDeactivatedAction({ userId: user.id, deactivated: false })).toMatchObject({ ok: true, data: { deactivated: false } });
    const again = await signIn(user.email);
    expect(again.ok).toBe(true);
    // Revoked tokens stay revoked.
    expect((await authenticateApiToken(`Bearer ${token}`)).ok).toBe(false);
    expect(await setUserDeactivatedAction({ userId: user.id, deactivated: false })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("a session that a sign-in raced past the deactivation is refused by actions and the live feed", async () => {
    const user = await createUser();
    const launch = await createTestLaunch(user);
    actAs(user);
    expect(await setUserAdminAction({ userId: user.id, isAdmin: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await authorizeStream(new Headers({ cookie: user.cookie }), launch.id, null)).toMatchObject({ ok: true });
    // The deactivation committed, and this session row survived it (its sign-in was past the hook).
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await db.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
    expect(await setUserAdminAction({ userId: user.id, isAdmin: true })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await authorizeStream(new Headers({ cookie: user.cookie }), launch.id, null)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses an admin deactivating themselves", async () => {
    const admin = await createUser({ isAdmin: true });
    actAs(admin);
    expect(await setUserDeactivatedAction({ userId: admin.id, deactivated: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
    expect(await session(admin)).not.toBeNull();
  });
});

describe("making and removing admins", () => {
  it("grants and revokes with audit events; asking for the current state is a CONFLICT", async () => {
    const admin = await createUser({ isAdmin: true });
    const user = await createUser();
    actAs(admin);
    expect(await setUserAdminAction({ userId: user.id, isAdmin: true })).toMatchObject({ ok: true, data: { isAdmin: true } });
    expect(await setUserAdminAction({ userId: user.id, isAdmin: true })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await setUserAdminAction({ userId: user.id, isAdmin: false })).toMatchObject({ ok: true, data: { isAdmin: false } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isAdmin).toBe(false);
    expect(await instanceEvents("admin.revoked", user.id)).toHaveLength(1);
  });

  describe("with only two active admins on the instance", () => {
    let others: string[] = [];
    let a: TestUser;
    let b: TestUser;
    beforeAll(async () => {
      a = await createUser({ isAdmin: true });
      b = await createUser({ isAdmin: true });
      // Test files run one at a time: the instance's other admins step aside for these tests and come back after.
      others = (await db.user.findMany({ where: { isAdmin: true, id: { notIn: [a.id, b.id] } }, select: { id: true } })).map((u) => u.id);
      await db.user.updateMany({ where: { id: { in: others } }, data: { isAdmin: false } });
    });
    afterAll(async () => {
      await db.user.updateMany({ where: { id: { in: others } }, data: { isAdmin: true } });
    });

    it.each([1, 2, 3])("two admins removing their own admin right at once: one succeeds, the last one is refused (round %i)", async () => {
      const results = await Promise.allSettled([
        setUserAdmin(a.actor, { userId: a.id, isAdmin: false }),
        setUserAdmin(b.actor, { userId: b.id, isAdmin: false }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect(String((refused as PromiseRejectedResult).reason.message)).toBe(LAST_ADMIN_MESSAGE);
      expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, isAdmin: true } })).toBe(1);
      // The one left cannot demote themselves either, through the action.
      const last = (await db.user.findUniqueOrThrow({ where: { id: a.id } })).isAdmin ? a : b;
      actAs(last);
      expect(await setUserAdminAction({ userId: last.id, isAdmin: false })).toMatchObject({ ok: false, code: "CONFLICT", error: LAST_ADMIN_MESSAGE });
      expect((await db.user.findUniqueOrThrow({ where: { id: last.id } })).isAdmin).toBe(true);
      // Restore for the next test.
      const other = last === a ? b : a;
      await db.user.update({ where: { id: other.id }, data: { isAdmin: true } });
    });

    it("an admin whose right was removed meanwhile is refused: the command re-reads the actor's row", async () => {
      await db.user.update({ where: { id: b.id }, data: { isAdmin: false } });
      actAs(b);
      expect(await setUserDeactivatedAction({ userId: a.id, deactivated: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).deactivatedAt).toBeNull();
      await db.user.update({ where: { id: b.id }, data: { isAdmin: true } });
    });

    it("the last active admin cannot be deactivated by a concurrent demotion race either", async () => {
      // a deactivates b while b removes a's admin right: whichever commits second sees one active admin left.
      const results = await Promise.allSettled([
        setUserDeactivated(a.actor, { userId: b.id, deactivated: true }),
        setUserAdmin(b.actor, { userId: a.id, isAdmin: false }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const left = await db.user.count({ where: { id: { in: [a.id, b.id] }, isAdmin: true, deactivatedAt: null } });
      expect(left).toBe(1);
      await db.user.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { isAdmin: true, deactivatedAt: null } });
    });
  });
});

describe("non-admins", () => {
  it("are refused by every users action and nothing changes", async () => {
    const user = await createUser();
    const target = await createUser();
    const before = await db.event.count();
    for (const who of [user, null]) {
      actAs(who);
      const a = await setUserAdminAction({ userId: target.id, isAdmin: true });
      const d = await setUserDeactivatedAction({ userId: target.id, deactivated: true });
      expect(a.ok || d.ok).toBe(false);
      expect([a, d].map((r) => (r.ok ? "ok" : r.code))).toEqual(who ? ["FORBIDDEN", "FORBIDDEN"] : ["UNAUTHENTICATED", "UNAUTHENTICATED"]);
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect([row.isAdmin, row.deactivatedAt]).toEqual([false, null]);
    expect(await db.event.count()).toBe(before);
    await expect(searchUsers(user.actor, { q: "", page: 1 })).rejects.toThrow("Only instance admins");
  });
});

describe("searching accounts", () => {
  it("finds by name or email, case-insensitive, 50 a page, with launch counts", async () => {
    const admin = await createUser({ isAdmin: true });
    const tag = uid();
    const found = await createUser({ name: `Zed ${tag.toUpperCase()}` });
    const byEmail = await createUser({ email: `mail-${tag}@test.liftoff` });
    await createTestLaunch(found);
    const { rows, hasNext } = await searchUsers(admin.actor, { q: tag.toUpperCase(), page: 1 });
    expect(hasNext).toBe(false);
    expect(rows.map((r) => r.id).sort()).toEqual([found.id, byEmail.id].sort());
    const zed = rows.find((r) => r.id === found.id)!;
    expect(zed).toMatchObject({ launches: 1, isAdmin: false, deactivatedAt: null });
    expect(zed.lastSignInAt).toBeInstanceOf(Date);
    expect((await searchUsers(admin.actor, { q: `nobody-${uid()}`, page: 1 })).rows).toEqual([]);
    const all = await searchUsers(admin.actor, { q: "", page: 1 });
    expect(all.rows.length).toBeLessThanOrEqual(50);
  });
});
