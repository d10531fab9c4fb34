import "server-only";
import { sendMail } from "@/lib/mail";

// better-auth's email verification (lib/auth/auth.ts), sent when mail is configured: on sign-up, and again
// on each sign-in attempt while the address is unverified. `url` is better-auth's /verify-email link on
// BETTER_AUTH_URL; opening it verifies the address, signs the user in and returns to where they started.

export const VERIFICATION_TTL_SECONDS = 24 * 60 * 60;

export function verificationMailOf(user: { email: string; name: string }, url: string) {
  return {
    to: user.email,
    subject: "Verify your email address for Liftoff",
    text: [
      `Hello ${user.name},`,
      "",
      `Open this link to verify ${user.email} and sign in to Liftoff:`,
      url,
      "",
      "The link works for 24 hours. If it has expired, sign in again and we send a new one.",
      "If you did not create a Liftoff account, ignore this mail.",
    ].join("\n"),
  };
}

/**
 * A mail server that is down must not fail the sign-up or sign-in that asked for the mail: the account
 * exists, and the next sign-in attempt sends a new link. The failure is logged (without the link).
 */
export async function sendVerificationMail(user: { email: string; name: string }, url: string): Promise<void> {
  try {
    await sendMail(verificationMailOf(user, url));
  } catch (error) {
    console.error(`[mail] verification mail to ${user.email} not sent: ${(error as Error).message}`);
  }
}
