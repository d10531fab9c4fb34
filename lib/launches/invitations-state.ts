// Whether an invitation may be accepted, and by whom. Pure: the accept command and the invite page both
// use it, so the page never promises what the command would refuse.

export const INVITATION_TTL_DAYS = 14;
/** The link's token: 32 random bytes, base64url. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export type InvitationFacts = { email: string; expiresAt: Date; acceptedAt: Date | null; acceptedById: string | null; revokedAt: Date | null };
export type Claimant = { id: string; email: string; emailVerified: boolean };

export type Refusal = { kind: "used" | "revoked" | "expired" | "wrong-account" | "unverified"; message: string };

export function invitationStatus(inv: Omit<InvitationFacts, "email" | "acceptedById">, now: Date): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  return inv.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

const ASK = "Ask the launch's manager for a new invitation.";

/**
 * Null when `user` may accept now, or when they already did (accepting twice is a no-op). The user must
 * hold the invited address; when mail is configured they must also have verified it.
 */
export function acceptanceRefusal(inv: InvitationFacts, user: Claimant, opts: { requireVerified: boolean }, now: Date): Refusal | null {
  const status = invitationStatus(inv, now);
  if (status === "accepted") {
    return inv.acceptedById === user.id ? null : { kind: "used", message: `This invitation has already been used. ${ASK}` };
  }
  if (status === "revoked") return { kind: "revoked", message: `This invitation was withdrawn. ${ASK}` };
  if (status === "expired") return { kind: "expired", message: `This invitation has expired. ${ASK}` };
  if (user.email.trim().toLowerCase() !== inv.email) {
    return {
      kind: "wrong-account",
      message: `This invitation is for ${inv.email}, and you are signed in as ${user.email}. Sign in with the invited address to accept it.`,
    };
  }
  if (opts.requireVerified && !user.emailVerified) {
    return { kind: "unverified", message: `Verify ${inv.email} first: open the link in the verification email, then accept.` };
  }
  return null;
}

export function invitationExpiry(now: Date) {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}
