import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { hasPendingInvitation } from "@/lib/launches/invitations";

// Who may create an account (LIFTOFF_SIGNUP): `open` (anyone), or `invite-only`: an address with a pending
// invitation to some launch, an address listed in LIFTOFF_ADMIN_EMAILS, or the very first account of an
// empty instance (so a fresh invite-only instance can be set up at all). Enforced in better-auth's
// `user.validateUserInfo` gate (lib/auth/auth.ts), which every way of creating a user passes.

export const INVITE_ONLY_MESSAGE =
  "Sign-up is by invitation only. Ask a launch manager to invite this address, then use the link they give you.";

export type SignUpDecision = { ok: true } | { ok: false; code: "SIGN_UP_INVITE_ONLY"; message: string };

export async function signUpAllowed(email: string): Promise<SignUpDecision> {
  const e = env();
  if (e.LIFTOFF_SIGNUP === "open") return { ok: true };
  const address = email.trim().toLowerCase();
  if (e.LIFTOFF_ADMIN_EMAILS.includes(address)) return { ok: true };
  if (await hasPendingInvitation(address)) return { ok: true };
  if ((await db.user.count()) === 0) return { ok: true };
  return {
    ok: false,
    code: "SIGN_UP_INVITE_ONLY",
    message: INVITE_ONLY_MESSAGE,
  };
}
