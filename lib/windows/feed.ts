import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import { runCommand } from "@/lib/server/command";

// Per-user secret calendar feed. The URL's token is shown once; only its sha256 is stored, so a
// database leak does not leak working feed URLs. One live feed per user: regenerating revokes the old.

export const hashFeedToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Revokes the user's live feed (if any) and creates a new one; returns the token, which is never stored. */
export async function regenerateFeed(actor: Actor) {
  const token = randomBytes(32).toString("base64url");
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const now = new Date();
    const { count } = await tx.calendarFeed.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: now } });
    const feed = await tx.calendarFeed.create({ data: { userId: actor.userId, tokenHash: hashFeedToken(token) }, select: { id: true, createdAt: true } });
    // Audited like every change; the token itself never enters the event.
    emit(null, { type: "calendar_feed.created", payload: { feedId: feed.id, revokedPrevious: count } });
    return { token, createdAt: feed.createdAt.toISOString() };
  });
  return result;
}

export async function revokeFeed(actor: Actor) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const { count } = await tx.calendarFeed.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count) emit(null, { type: "calendar_feed.revoked", payload: { count } });
    return { revoked: count };
  });
  return result;
}

export async function feedStatus(userId: string): Promise<{ active: boolean; createdAt: string | null }> {
  const feed = await db.calendarFeed.findFirst({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return { active: !!feed, createdAt: feed?.createdAt.toISOString() ?? null };
}

/** The actor a feed token stands for, or null for an unknown, malformed or revoked token. */
export async function actorForFeedToken(token: string): Promise<(Actor & { name: string }) | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { revokedAt: true, user: { select: { id: true, isAdmin: true, name: true } } },
  });
  if (!feed || feed.revokedAt) return null;
  return { userId: feed.user.id, isAdmin: feed.user.isAdmin, name: feed.user.name };
}
