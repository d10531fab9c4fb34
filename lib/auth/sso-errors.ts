import "server-only";
import { DEACTIVATED_MESSAGE } from "./auth";
import { INVITE_ONLY_MESSAGE } from "./signup-policy";

// A failed single sign-on comes back to /sign-in?error=<code> (better-auth's callback). Only known codes
// get their own words; the page never shows text taken from the URL, which anyone can craft.
export function ssoErrorMessage(code: string | undefined, providerName: string): string | null {
  if (!code) return null;
  switch (code) {
    case "SIGN_UP_INVITE_ONLY":
      return INVITE_ONLY_MESSAGE;
    case "ACCOUNT_DEACTIVATED":
      return DEACTIVATED_MESSAGE;
    case "account_not_linked":
    case "unable_to_link_account":
      return `An account with this email address exists already, and it could not be joined to ${providerName} automatically. Ask an instance admin for help.`;
    case "email_not_verified":
      return `${providerName} has not verified your email address, so we have sent a verification link to it. Open the link, and you are signed in.`;
    case "access_denied":
      return `Sign-in at ${providerName} was cancelled.`;
    case "email_not_found":
      return `${providerName} did not share an email address for your account. Ask its administrator to release the email claim to Liftoff.`;
    default:
      return `Could not sign in with ${providerName}. Try again, or ask an instance admin if it keeps failing.`;
  }
}
