import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { Actor, Role } from "@/lib/domain/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import { runCommand, runLaunchCommand } from "@/lib/server/command";
import { mailInvitation } from "./invitation-mail";
import { acceptanceRefusal, INVITATION_TOKEN, invitationExpiry } from "./invitations-state";
import { refusalError, requireVerifiedEmail } from "./invitations-policy";

// Membership by invitation. Adding an email never looks the address up: whoever later signs in with that
// address and holds the link (and, with mail configured, has verified the address) becomes the member.
// The link's token is shown once; only its sha256 is stored, like the calendar feed's.

export const hashInvitationToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/**
 * `mailed`: the link was mailed to the address (mail configured and the mail server took it); otherwise the
 * manager hands the link over.
 */
export type InvitationCreated = { invitationId: string; email: string; role: Role; expiresAt: string; token: string; mailed: boolean };

type Committed = Omit<InvitationCreated, "mailed"> & { launchName: string; timeZone: string; invitedBy: string | null };

/** After the commit (never inside the transaction): mail the link when mail is configured. */
async function withMail(c: Committed): Promise<InvitationCreated> {
  const { launchName, timeZone, invitedBy, ...created } = c;
  const mailed = await mailInvitation({ ...created, expiresAt: new Date(created.expiresAt), launchName, timeZone, invitedBy });
  return { ...created, mailed };
}

const inviterName = async (tx: Tx, userId: string) => (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;

const INVALID_LINK = "This invitation link is not valid. Ask the launch's manager for a new one.";

/** Unique-index races (two invitations, or two memberships, at once) answer CONFLICT, not INTERNAL. */
async function conflictOnRace<T>(run: () => Promise<T>, message: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(message);
    throw error;
  }
}

export async function createInvitation(actor: Actor, input: { launchId: string; email: string; role: Role }): Promise<InvitationCreated> {
  const token = newToken();
  const { result } = await conflictOnRace(
    () =>
      runLaunchCommand(actor, input.launchId, "members.manage", async ({ tx, launch, emit }) => {
        // Members are listed to the manager anyway; whether the address has an account is never read.
        const member = await tx.member.findFirst({ where: { launchId: launch.id, user: { email: input.email } }, select: { role: true } });
        if (member) throw new ConflictError(`${input.email} is already a member of this launch (${member.role.toLowerCase()}).`);
        const now = new Date();
        const { count: replaced } = await tx.invitation.updateMany({
          where: { launchId: launch.id, email: input.email, acceptedAt: null, revokedAt: null },
          data: { revokedAt: now },
        });
        const inv = await tx.invitation.create({
          data: { launchId: launch.id, email: input.email, role: input.role, tokenHash: hashInvitationToken(token), invitedById: actor.userId, expiresAt: invitationExpiry(now) },
          select: { id: true, expiresAt: true },
        });
        emit({ type: "invitation.created", payload: { invitationId: inv.id, email: input.email, role: input.role, replaced } });
        const committed: Committed = {
          invitationId: inv.id,
          email: input.email,
          role: input.role,
          expiresAt: inv.expiresAt.toISOString(),
          token,
          launchName: launch.name,
          timeZone: launch.timeZone,
          invitedBy: await inviterName(tx, actor.userId),
        };
        return committed;
      }),
    "This address was invited at the same moment by someone else. Refresh to see the invitation.",
  );
  return withMail(result);
}

async function loadPending(tx: Tx, launchId: string, invitationId: string) {
  const inv = await tx.invitation.findFirst({
    where: { id: invitationId, launchId },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
  });
  if (!inv) throw new NotFoundError("That invitation does not exist on this launch.");
  if (inv.acceptedAt) throw new ConflictError(`${inv.email} has already accepted this invitation.`);
  if (inv.revokedAt) throw new ConflictError("This invitation was already withdrawn.");
  return inv;
}

export async function revokeInvitation(actor: Actor, input: { launchId: string; invitationId: string }) {
  const { result } = await runLaunchCommand(actor, input.launchId, "members.manage", async ({ tx, launch, emit }) => {
    const inv = await loadPending(tx, launch.id, input.invitationId);
    // Conditional on still pending: a concurrent accept or revoke wins and this one is refused.
    const { count } = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new ConflictError("This invitation changed at the same moment. Refresh and try again.");
    emit({ type: "invitation.revoked", payload: { invitationId: inv.id, email: inv.email, role: inv.role } });
    return { invitationId: inv.id };
  });
  return result;
}

/** A new link for a pending (or expired) invitation: the old link stops working, the expiry restarts. */
export async function renewInvitation(actor: Actor, input: { launchId: string; invitationId: string }): Promise<InvitationCreated> {
  const token = newToken();
  const { result } = await runLaunchCommand(actor, input.launchId, "members.manage", async ({ tx, launch, emit }) => {
    const inv = await loadPending(tx, launch.id, input.invitationId);
    const expiresAt = invitationExpiry(new Date());
    const { count } = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null },
      data: { tokenHash: hashInvitationToken(token), expiresAt },
    });
    if (count === 0) throw new ConflictError("This invitation changed at the same moment. Refresh and try again.");
    emit({ type: "invitation.renewed", payload: { invitationId: inv.id, email: inv.email, role: inv.role } });
    const committed: Committed = {
      invitationId: inv.id,
      email: inv.email,
      role: inv.role as Role,
      expiresAt: expiresAt.toISOString(),
      token,
      launchName: launch.name,
      timeZone: launch.timeZone,
      invitedBy: await inviterName(tx, actor.userId),
    };
    return committed;
  });
  return withMail(result);
}

export type AcceptedInvitation = { launchId: string; role: Role; alreadyMember: boolean };

/** The signed-in `actor` accepts the invitation the token stands for, if they hold its address. */
export async function acceptInvitation(actor: Actor, token: string): Promise<AcceptedInvitation> {
  if (!INVITATION_TOKEN.test(token)) throw new NotFoundError(INVALID_LINK);
  const tokenHash = hashInvitationToken(token);
  const { result } = await conflictOnRace(
    () =>
      runCommand(actor, async ({ tx, emit }) => {
        // The row lock serialises two accepts of one link (a double click, two tabs).
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "invitation" WHERE token_hash = ${tokenHash} FOR UPDATE`;
        if (locked.length === 0) throw new NotFoundError(INVALID_LINK);
        const inv = await tx.invitation.findUniqueOrThrow({
          where: { id: locked[0].id },
          select: { id: true, launchId: true, email: true, role: true, expiresAt: true, acceptedAt: true, acceptedById: true, revokedAt: true },
        });
        const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true, email: true, emailVerified: true } });
        const refusal = acceptanceRefusal(inv, user, { requireVerified: requireVerifiedEmail() }, new Date());
        if (refusal) throw refusalError(refusal);
        const existing = await tx.member.findUnique({ where: { launchId_userId: { launchId: inv.launchId, userId: user.id } }, select: { role: true } });
        if (inv.acceptedAt) return { launchId: inv.launchId, role: (existing?.role ?? inv.role) as Role, alreadyMember: true };
        const member = existing
          ? null
          : await tx.member.create({ data: { launchId: inv.launchId, userId: user.id, role: inv.role }, select: { id: true } });
        await tx.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date(), acceptedById: user.id } });
        emit(inv.launchId, {
          type: "invitation.accepted",
          payload: { invitationId: inv.id, memberId: member?.id ?? null, userId: user.id, name: user.name, email: inv.email, role: existing?.role ?? inv.role, alreadyMember: !!existing },
        });
        return { launchId: inv.launchId, role: (existing?.role ?? inv.role) as Role, alreadyMember: !!existing };
      }),
    "You were added to this launch at the same moment by another request. Open the launch.",
  );
  return result;
}

/** For invite-only sign-up: is there a live invitation for this address? */
export async function hasPendingInvitation(email: string): Promise<boolean> {
  const normalised = email.trim().toLowerCase();
  if (!normalised || normalised.length > 320) return false;
  const count = await db.invitation.count({ where: { email: normalised, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
  return count > 0;
}
