import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { runCommand } from "@/lib/server/command";
import type { setAdminSchema, setDeactivatedSchema, userSearchSchema } from "./users.schema";

// Instance administration of accounts (issue 14): search, make or remove admin, deactivate and reactivate.
// Each change runs on the write path with an instance-wide audit event, authorizes the actor against their
// own row read (and locked) inside the transaction, and states the state it expects, so two admins acting
// at once get CONFLICT rather than one silently repeating or undoing the other.

export const USERS_PAGE_SIZE = 50;
export const LAST_ADMIN_MESSAGE = "You are the last active instance admin: make someone else admin first.";

type TargetRow = { id: string; email: string; is_admin: boolean; deactivated_at: Date | null };

/** The actor's row and the target's, locked until COMMIT; the actor must still be an active admin. */
async function lockActorAndTarget(tx: Tx, actor: Actor, targetId: string, what: string) {
  // Every change of who is an active admin is serialised here first: the row locks below (and those of
  // otherActiveAdmins) are then never taken in crossed order by two admins acting at once (no deadlock).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('instance-admins'))`;
  const ids = [...new Set([actor.userId, targetId])].sort();
  const rows = await tx.$queryRaw<TargetRow[]>`
    SELECT id, email, is_admin, deactivated_at FROM "user" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  const me = rows.find((r) => r.id === actor.userId);
  if (!me || !me.is_admin || me.deactivated_at) throw new ForbiddenError(`Only instance admins can ${what}.`);
  const target = rows.find((r) => r.id === targetId);
  if (!target) throw new NotFoundError("No such user.");
  return target;
}

/** Active admins other than `userId`, their rows locked until COMMIT: the last admin is never removed by a race. */
export async function otherActiveAdmins(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "user" WHERE is_admin AND deactivated_at IS NULL AND id <> ${userId} ORDER BY id FOR UPDATE`;
  return rows.length;
}

/** Makes or removes an instance admin. Asking for the state the user is already in answers CONFLICT. */
export async function setUserAdmin(actor: Actor, input: z.output<typeof setAdminSchema>) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const target = await lockActorAndTarget(tx, actor, input.userId, "change who is admin");
    if (target.is_admin === input.isAdmin) {
      throw new ConflictError(input.isAdmin ? `${target.email} is already an admin.` : `${target.email} is not an admin.`, { isAdmin: target.is_admin });
    }
    if (!input.isAdmin && !target.deactivated_at && (await otherActiveAdmins(tx, target.id)) === 0) throw new ConflictError(LAST_ADMIN_MESSAGE);
    await tx.user.update({ where: { id: target.id }, data: { isAdmin: input.isAdmin } });
    emit(null, { type: input.isAdmin ? "admin.granted" : "admin.revoked", payload: { userId: target.id, email: target.email, via: "admin" } });
    return { userId: target.id, isAdmin: input.isAdmin };
  });
  return result;
}

/**
 * Deactivates (or reactivates) an account. Deactivating revokes every session at once and every API token,
 * and keeps memberships, sign-offs and events. Sign-in is refused by the session hook in lib/auth/auth.ts.
 * Asking for the state the account is already in answers CONFLICT; reactivating does not revive tokens.
 */
export async function setUserDeactivated(actor: Actor, input: z.output<typeof setDeactivatedSchema>) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const target = await lockActorAndTarget(tx, actor, input.userId, "deactivate or reactivate accounts");
    if (input.deactivated && target.id === actor.userId) throw new ForbiddenError("You cannot deactivate your own account.");
    if (Boolean(target.deactivated_at) === input.deactivated) {
      throw new ConflictError(input.deactivated ? `${target.email} is already deactivated.` : `${target.email} is already active.`, {
        deactivated: input.deactivated,
      });
    }
    if (input.deactivated && target.is_admin && (await otherActiveAdmins(tx, target.id)) === 0) throw new ConflictError(LAST_ADMIN_MESSAGE);
    const now = new Date();
    await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: input.deactivated ? now : null } });
    if (!input.deactivated) {
      emit(null, { type: "user.reactivated", payload: { userId: target.id, email: target.email } });
      return { userId: target.id, deactivated: false, sessionsRevoked: 0, tokensRevoked: 0 };
    }
    const sessions = await tx.session.deleteMany({ where: { userId: target.id } });
    const tokens = await tx.apiToken.updateMany({ where: { userId: target.id, revokedAt: null }, data: { revokedAt: now, revokedById: actor.userId } });
    emit(null, {
      type: "user.deactivated",
      payload: { userId: target.id, email: target.email, sessionsRevoked: sessions.count, tokensRevoked: tokens.count },
    });
    return { userId: target.id, deactivated: true, sessionsRevoked: sessions.count, tokensRevoked: tokens.count };
  });
  return result;
}

export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  deactivatedAt: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
  launches: number;
};

/** One page of accounts whose name or email contains `q` (case-insensitive), oldest first. Admins only. */
export async function searchUsers(actor: Actor, query: z.output<typeof userSearchSchema>): Promise<{ rows: AdminUserRow[]; hasNext: boolean }> {
  if (!actor.isAdmin) throw new ForbiddenError("Only instance admins can list accounts.");
  const q = query.q;
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
    : {};
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (query.page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE + 1,
    select: { id: true, name: true, email: true, isAdmin: true, deactivatedAt: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  const page = users.slice(0, USERS_PAGE_SIZE);
  const ids = page.map((u) => u.id);
  // Last sign-in: the newest session row (deactivation deletes them, so a deactivated account shows none).
  const last = ids.length
    ? await db.session.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { createdAt: true } })
    : [];
  const lastBy = new Map(last.map((s) => [s.userId, s._max.createdAt]));
  return {
    rows: page.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      isAdmin: u.isAdmin,
      deactivatedAt: u.deactivatedAt,
      createdAt: u.createdAt,
      lastSignInAt: lastBy.get(u.id) ?? null,
      launches: u._count.memberships,
    })),
    hasNext: users.length > USERS_PAGE_SIZE,
  };
}

/** For the session hook: is this account deactivated? */
export async function isDeactivated(userId: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
  return Boolean(row?.deactivatedAt);
}
