import "server-only";
import { otherActiveAdmins } from "@/lib/admin/users";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import { runCommand } from "@/lib/server/command";

// Instance admins are made explicitly, never by the demo: by `npm run admin:grant -- <email>`
// (scripts/admin-grant.ts) or by listing the address in LIFTOFF_ADMIN_EMAILS (applied at start and when
// such an account signs up), or by the identity provider's OIDC_ADMIN_GROUP at each single sign-on (which
// also revokes: lib/auth/sso.ts). Each change goes through the write path with an audit event.

export type GrantSource = "command" | "LIFTOFF_ADMIN_EMAILS" | "OIDC_ADMIN_GROUP";

/** Makes the account with this email an instance admin; `changed` is false when it already was one. */
export async function grantAdmin(email: string, via: GrantSource): Promise<{ userId: string; changed: boolean }> {
  const address = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (!user) throw new NotFoundError(`No account uses ${address}. Sign up with it first, then grant admin.`);
  // The grant is made by the operator, on the account's behalf: the event names the account and the means.
  const { result } = await runCommand({ userId: user.id, isAdmin: false }, async ({ tx, emit }) => {
    const { count } = await tx.user.updateMany({ where: { id: user.id, isAdmin: false }, data: { isAdmin: true } });
    if (count > 0) emit(null, { type: "admin.granted", payload: { userId: user.id, email: address, via } });
    return { userId: user.id, changed: count > 0 };
  });
  return result;
}

/**
 * Removes instance admin from the account with this email; `changed` is false when it was no admin, or when
 * it is the last active admin (kept, so a provider-side mistake never leaves the instance without one).
 */
export async function revokeAdmin(email: string, via: GrantSource): Promise<{ userId: string; changed: boolean; lastAdmin: boolean }> {
  const address = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (!user) throw new NotFoundError(`No account uses ${address}.`);
  const { result } = await runCommand({ userId: user.id, isAdmin: false }, async ({ tx, emit }) => {
    // Same serialisation as lib/admin/users.ts, so a revoke here and one there never both remove the last admin.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('instance-admins'))`;
    const row = await tx.user.findUnique({ where: { id: user.id }, select: { isAdmin: true, deactivatedAt: true } });
    if (!row?.isAdmin) return { userId: user.id, changed: false, lastAdmin: false };
    if (!row.deactivatedAt && (await otherActiveAdmins(tx, user.id)) === 0) return { userId: user.id, changed: false, lastAdmin: true };
    await tx.user.update({ where: { id: user.id }, data: { isAdmin: false } });
    emit(null, { type: "admin.revoked", payload: { userId: user.id, email: address, via } });
    return { userId: user.id, changed: true, lastAdmin: false };
  });
  return result;
}

/** LIFTOFF_ADMIN_EMAILS at start: grants those that have accounts; the others are granted when they sign up. */
export async function applyAdminEmails(emails: readonly string[]) {
  const granted: string[] = [];
  for (const email of emails) {
    const exists = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (exists && (await grantAdmin(email, "LIFTOFF_ADMIN_EMAILS")).changed) granted.push(email);
  }
  return granted;
}
