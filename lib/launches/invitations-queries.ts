import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/domain/roles";
import { hashInvitationToken } from "./invitations";
import { requireVerifiedEmail } from "./invitations-policy";
import { acceptanceRefusal, INVITATION_TOKEN, invitationStatus, type Claimant, type Refusal } from "./invitations-state";

export type PendingInvitation = { id: string; email: string; role: Role; createdAt: string; expiresAt: string; expired: boolean; invitedBy: string | null };

/** Invitations not yet accepted or withdrawn (expired ones too, so they can be renewed). For managers. */
export async function listPendingInvitations(launchId: string): Promise<PendingInvitation[]> {
  const rows = await db.invitation.findMany({
    where: { launchId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role as Role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    expired: r.expiresAt.getTime() <= now,
    invitedBy: r.invitedBy?.name ?? null,
  }));
}

export type InvitationPreview =
  | { found: false }
  | {
      found: true;
      launchId: string;
      launchName: string;
      role: Role;
      email: string;
      expiresAt: string;
      invitedBy: string | null;
      status: ReturnType<typeof invitationStatus>;
      /** For the signed-in viewer: why they cannot accept (null: they can, or already did). */
      refusal: Refusal | null;
      acceptedByViewer: boolean;
    };

/** What the invite page shows to whoever holds the link (signed in or not). */
export async function previewInvitation(token: string, viewerId: string | null): Promise<InvitationPreview> {
  if (!INVITATION_TOKEN.test(token)) return { found: false };
  const viewer: Claimant | null = viewerId
    ? await db.user.findUnique({ where: { id: viewerId }, select: { id: true, email: true, emailVerified: true } })
    : null;
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      acceptedById: true,
      revokedAt: true,
      launch: { select: { id: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!inv) return { found: false };
  const now = new Date();
  return {
    found: true,
    launchId: inv.launch.id,
    launchName: inv.launch.name,
    role: inv.role as Role,
    email: inv.email,
    expiresAt: inv.expiresAt.toISOString(),
    invitedBy: inv.invitedBy?.name ?? null,
    status: invitationStatus(inv, now),
    refusal: viewer ? acceptanceRefusal(inv, viewer, { requireVerified: requireVerifiedEmail() }, now) : null,
    acceptedByViewer: !!viewer && inv.acceptedById === viewer.id,
  };
}
