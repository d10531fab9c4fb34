import "server-only";
import { ROLE_LABEL, type Role } from "@/lib/domain/roles";
import { env } from "@/lib/env";
import { mailConfigured, sendMail } from "@/lib/mail";
import { formatInZone } from "@/lib/time/format";

// The invitation mail: sent after the invitation is committed, when mail is configured. The link points at
// BETTER_AUTH_URL (required with SMTP_URL), never at the Host a request happened to name.

export type InvitationMail = {
  email: string;
  role: Role;
  token: string;
  expiresAt: Date;
  launchName: string;
  timeZone: string;
  invitedBy: string | null;
};

export function invitationLink(token: string): string {
  return new URL(`/invite/${token}`, env().BETTER_AUTH_URL).toString();
}

export function invitationMailOf(inv: InvitationMail) {
  const link = invitationLink(inv.token);
  const who = inv.invitedBy ?? "A launch manager";
  const until = formatInZone(inv.expiresAt, inv.timeZone);
  const role = ROLE_LABEL[inv.role].toLowerCase();
  return {
    to: inv.email,
    subject: `${who} invited you to ${inv.launchName} on Liftoff`,
    text: [
      `${who} invited you to the launch "${inv.launchName}" on Liftoff, as ${role}.`,
      "",
      `Open this link, then sign in or create your account with ${inv.email} and verify that address:`,
      link,
      "",
      `The link works until ${until}. If you did not expect this, ignore this mail.`,
    ].join("\n"),
  };
}

/** True when the mail was handed to the mail server; false without mail or when sending failed (logged). */
export async function mailInvitation(inv: InvitationMail): Promise<boolean> {
  if (!mailConfigured()) return false;
  try {
    return (await sendMail(invitationMailOf(inv))).sent;
  } catch (error) {
    console.error(`[mail] invitation to ${inv.email} not sent: ${(error as Error).message}`);
    return false;
  }
}
