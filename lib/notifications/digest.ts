import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import { digestDue, digestTimeOf } from "./digest-time";
import { absoluteUrl } from "./unsubscribe";

// The `notify.digest` worker, run every 15 minutes by a pg-boss schedule (DIGEST_CRON, lib/jobs/install.ts).
// A user's digest goes out at the first run at or after their own local hour (digest-time.ts) that finds
// something of theirs pending since before that hour. Per user, one transaction takes every PENDING row (SKIP LOCKED: two workers never take the same one),
// records one digest notification listing them, marks them carried by it and commits its `mail.send`
// job: a retried digest finds nothing pending and sends nothing more.

type Pending = { id: string; subject: string; link: string | null; created_at: Date };
type Waiting = { user_id: string; oldest: Date; digest_hour: number | null; digest_time_zone: string | null };

/** Sends the digests due at `now` (injectable: the tests drive the clock). Returns how many were sent. */
export async function sendDigests(now = new Date()): Promise<number> {
  const waiting = await db.$queryRaw<Waiting[]>`
    SELECT n.user_id, min(n.created_at) AS oldest, u.digest_hour, u.digest_time_zone
    FROM notification n JOIN "user" u ON u.id = n.user_id
    WHERE n.state = 'PENDING' GROUP BY n.user_id, u.digest_hour, u.digest_time_zone`;
  let digests = 0;
  for (const w of waiting) {
    if (!digestDue(w.oldest, now, digestTimeOf(w.digest_hour, w.digest_time_zone))) continue;
    if (await digestFor(w.user_id)) digests++;
  }
  return digests;
}

export async function digestFor(userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const items = await tx.$queryRaw<Pending[]>`
      SELECT id, subject, link, created_at FROM notification
      WHERE user_id = ${userId} AND state = 'PENDING' ORDER BY created_at, id LIMIT 200 FOR UPDATE SKIP LOCKED`;
    if (items.length === 0) return false;
    const id = randomUUID();
    const lines = items.map((i) => `- ${i.subject} (${i.created_at.toISOString().slice(0, 16).replace("T", " ")} UTC)${i.link ? `\n  ${absoluteUrl(i.link)}` : ""}`);
    await tx.notification.create({
      data: {
        id,
        key: `digest:${userId}:${items[0].id}`,
        userId,
        kind: "digest",
        subject: `Liftoff digest: ${items.length} update${items.length === 1 ? "" : "s"}`,
        text: `Since your last digest:\n\n${lines.join("\n")}`,
        state: "QUEUED",
      },
    });
    await tx.notification.updateMany({ where: { id: { in: items.map((i) => i.id) } }, data: { state: "SENT", reason: "in digest", digestId: id } });
    await enqueue(tx, "mail.send", { notificationId: id });
    return true;
  });
}

export const digestHandler = async () => void (await sendDigests());
