import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import type { NotificationKind, NotificationMode } from "./kinds";
import { resolveMode } from "./rules";

// Records decided notifications. Each row's unique key (kind:user:event, or the reminder's window and
// start) makes a retried dispatch or reminder a no-op; an immediate one commits its `mail.send` job in the
// same transaction as its row, so neither exists without the other.

export type Delivery = {
  userId: string;
  kind: NotificationKind;
  key: string;
  launchId: string | null;
  subject: string;
  text: string;
  /** Path on this instance, e.g. /launches/abc/checklist. */
  link: string | null;
};

const STATE: Record<NotificationMode, "QUEUED" | "PENDING" | "SKIPPED"> = { IMMEDIATE: "QUEUED", DIGEST: "PENDING", OFF: "SKIPPED" };

export async function preferencesOf(userIds: readonly string[]) {
  const rows = await db.notificationPreference.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, kind: true, mode: true } });
  const byUser = new Map<string, { kind: string; mode: NotificationMode }[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  return (userId: string) => byUser.get(userId) ?? [];
}

/** Returns how many rows were new (the rest were already recorded by an earlier attempt). */
export async function deliver(items: readonly Delivery[]): Promise<number> {
  if (items.length === 0) return 0;
  const prefs = await preferencesOf([...new Set(items.map((i) => i.userId))]);
  return db.$transaction(async (tx) => {
    let created = 0;
    for (const item of items) {
      const state = STATE[resolveMode(prefs(item.userId), item.kind)];
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO notification (id, key, user_id, launch_id, kind, subject, text, link, state, reason)
        VALUES (${randomUUID()}, ${item.key}, ${item.userId}, ${item.launchId}, ${item.kind}, ${item.subject.slice(0, 300)}, ${item.text.slice(0, 4000)},
                ${item.link}, ${state}::"NotificationState", ${state === "SKIPPED" ? "turned off" : null})
        ON CONFLICT (key) DO NOTHING
        RETURNING id`;
      if (rows.length === 0) continue;
      created++;
      if (state === "QUEUED") await enqueue(tx, "mail.send", { notificationId: rows[0].id });
    }
    return created;
  });
}
