import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// The instance's one way to send mail. SMTP_URL (smtp:// or smtps://, credentials in the URL) and MAIL_FROM
// come from lib/env.ts. Without SMTP_URL nothing is sent: sendMail logs one line saying so and reports
// { sent: false }, and callers fall back to what works without mail (e.g. showing a link to hand over).

export type Mail = {
  to: string;
  subject: string;
  /** The plain-text body; always sent. */
  text: string;
  /** An optional HTML alternative. */
  html?: string;
  /** Extra headers (e.g. List-Unsubscribe); each value is kept on one line. */
  headers?: Record<string, string>;
};

export type MailResult = { sent: true; messageId: string } | { sent: false; reason: "not-configured" };

/** Whether this instance sends mail (SMTP_URL is set). */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

const globalForMail = globalThis as unknown as { mailTransport?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.mailTransport?.url !== url) {
    globalForMail.mailTransport = {
      url,
      // Bounded: a mail server that stops answering fails the send within seconds instead of holding a request.
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return globalForMail.mailTransport.transport;
}

/** One line per header value: a CR or LF in a subject or address could otherwise add headers. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

/**
 * Sends one mail through SMTP_URL from MAIL_FROM. Throws when the mail server refuses or cannot be reached
 * (the caller decides whether that fails its own work). Without SMTP_URL, sends nothing and logs it.
 */
export async function sendMail(mail: Mail): Promise<MailResult> {
  const { SMTP_URL, MAIL_FROM } = env();
  const to = oneLine(mail.to);
  const subject = oneLine(mail.subject);
  if (!SMTP_URL) {
    // The body may hold a secret link: only the subject and the recipient are logged.
    console.info(`[mail] not sent, SMTP_URL is not set: "${subject}" to ${to}`);
    return { sent: false, reason: "not-configured" };
  }
  const headers = mail.headers ? Object.fromEntries(Object.entries(mail.headers).map(([k, v]) => [oneLine(k), oneLine(v)])) : undefined;
  const info = await transport(SMTP_URL).sendMail({ from: MAIL_FROM, to, subject, text: mail.text, html: mail.html, ...(headers ? { headers } : {}) });
  return { sent: true, messageId: String(info.messageId) };
}
