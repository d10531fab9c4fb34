import "server-only";
import type { Job } from "pg-boss";
import { db } from "@/lib/db/client";
import { mailConfigured, sendMail } from "@/lib/mail";
import { KIND_LABELS, type NotificationKind, type PreferenceKind } from "./kinds";
import { preferencesOf } from "./deliver";
import { resolveMode } from "./rules";
import { absoluteUrl, unsubscribeUrl } from "./unsubscribe";

// The `mail.send` worker: sends one notification row at most once. The row is claimed (QUEUED -> SENDING)
// in its own committed statement before the SMTP conversation and marked SENT with the message id after
// it. A retried job (the process died after sending, or the handler failed after marking) finds the row
// no longer QUEUED and sends nothing. A send that fails puts the row back to QUEUED so the retry sends it;
// only a crash in the middle of the SMTP conversation leaves it SENDING: not sent again (at most once).

export type MailSendData = { notificationId: string };
export type SendOutcome = "sent" | "skipped" | "already";

export async function sendNotification(id: string, hooks: { afterSend?: () => void | Promise<void> } = {}): Promise<SendOutcome> {
  const claimed = await db.notification.updateMany({ where: { id, state: "QUEUED" }, data: { state: "SENDING" } });
  if (claimed.count === 0) return "already";
  const n = await db.notification.findUniqueOrThrow({ where: { id }, include: { user: { select: { email: true } } } });
  const skip = async (reason: string) => {
    await db.notification.update({ where: { id }, data: { state: "SKIPPED", reason } });
    return "skipped" as const;
  };
  if (n.kind !== "digest") {
    // Honours an unsubscribe or a change of mind between deciding and sending.
    const prefs = await preferencesOf([n.userId]);
    if (resolveMode(prefs(n.userId), n.kind as NotificationKind) === "OFF") return skip("turned off");
  }
  if (!mailConfigured()) return skip("no SMTP configured");

  const unsubscribeKind: PreferenceKind = n.kind === "digest" ? "all" : (n.kind as NotificationKind);
  const unsubscribe = unsubscribeUrl(n.userId, unsubscribeKind);
  const what = unsubscribeKind === "all" ? "all Liftoff notification mail" : `“${KIND_LABELS[unsubscribeKind].label}” mail`;
  const text = [
    n.text,
    n.link ? `\nOpen: ${absoluteUrl(n.link)}` : "",
    `\n--\nStop ${what}: ${unsubscribe}`,
    `Choose what you get: ${absoluteUrl("/settings/notifications")}`,
  ].join("\n");

  let messageId: string;
  try {
    const result = await sendMail({
      to: n.user.email,
      subject: n.subject,
      text,
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    if (!result.sent) return skip("no SMTP configured");
    messageId = result.messageId;
  } catch (error) {
    // Not sent: hand the row back so pg-boss's retry sends it.
    await db.notification.update({ where: { id }, data: { state: "QUEUED" } });
    throw error;
  }
  // Tests simulate a crash here, between the SMTP server's acceptance and the acknowledgement.
  await hooks.afterSend?.();
  await db.notification.update({ where: { id }, data: { state: "SENT", messageId, sentAt: new Date() } });
  return "sent";
}

export function mailSendHandler(hooks: { afterSend?: () => void | Promise<void> } = {}) {
  return async (jobs: Job<object>[]) => {
    for (const job of jobs) await sendNotification((job.data as MailSendData).notificationId, hooks);
  };
}
