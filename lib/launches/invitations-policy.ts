import "server-only";
import { ConflictError, ForbiddenError } from "@/lib/domain/errors";
import { mailConfigured } from "@/lib/mail";
import type { Refusal } from "./invitations-state";

/**
 * With mail configured (SMTP_URL), an address is proven by better-auth's email verification; without
 * mail (development, air-gapped sites), holding the link while signed in with the address is the proof,
 * and the manager hands the link over.
 */
export const requireVerifiedEmail = mailConfigured;

export function refusalError(refusal: Refusal) {
  return refusal.kind === "used" ? new ConflictError(refusal.message) : new ForbiddenError(refusal.message);
}
