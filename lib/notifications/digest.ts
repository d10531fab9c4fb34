import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import { absoluteUrl } from "./unsubscribe";

// The `notify.digest` worker, run daily at DIGEST_HOUR_UTC by a pg-boss schedule (lib/jobs/install.ts).
// Per user, one transaction takes every PENDING row (SKIP LOCKED: two workers never take the same one),
// records one digest notification listing them, marks them carried by it and commits its `mail.send`
// job: a retried digest finds nothing pending and sends nothing more.

type Pending = { id: string; subject: string; link: string | null; created_at: Date };

export async function sendDigests(): Promise<number> {
  const users = await db.notification.findMany({ where: { state: "PENDING" }, distinct: ["userId"], select: { userId: true } });
  let digests = 0;
  for (const { userId } of users) if (await digestFor(userId)) digests++;
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
