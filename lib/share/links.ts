import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { SHARE_TOKEN, type createShareLinkSchema, type revokeShareLinkSchema } from "./schema";

// Named, revocable, read-only links to a launch's share page. Like the calendar feed, the token is shown
// once and only its sha256 is stored: a database leak does not leak working links.

export const hashShareToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type ShareLinkRow = {
  id: string;
  name: string;
  showNames: boolean;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  createdByName: string | null;
  state: "ACTIVE" | "EXPIRED" | "REVOKED";
};

export async function createShareLink(actor: Actor, input: z.output<typeof createShareLinkSchema>) {
  const token = randomBytes(32).toString("base64url");
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const expiresAt = input.expiresInHours > 0 ? new Date(Date.now() + input.expiresInHours * 3_600_000) : null;
    const link = await tx.shareLink.create({
      data: { launchId: input.launchId, name: input.name, showNames: input.showNames, expiresAt, tokenHash: hashShareToken(token), createdById: actor.userId },
      select: { id: true },
    });
    // Audited like every change; the token never enters the event.
    emit({ type: "share_link.created", payload: { linkId: link.id, name: input.name, showNames: input.showNames, expiresAt: expiresAt?.toISOString() ?? null } });
    return { id: link.id, token };
  });
  return result;
}

// Revoking is access control, like managing members: still allowed on a closed launch (and to an admin).
export async function revokeShareLink(actor: Actor, input: z.output<typeof revokeShareLinkSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "members.manage", async ({ tx, emit }) => {
    const link = await tx.shareLink.findFirst({ where: { id: input.linkId, launchId: input.launchId }, select: { id: true, name: true, revokedAt: true } });
    if (!link) throw new NotFoundError("That share link does not exist.");
    if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt.toISOString() };
    const revokedAt = new Date();
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt } });
    // Open share streams of this link close on this event (lib/live/stream.ts).
    emit({ type: "share_link.revoked", payload: { linkId: link.id, name: link.name } });
    return { id: link.id, revokedAt: revokedAt.toISOString() };
  });
  return result;
}

export async function listShareLinks(launchId: string, now = new Date()): Promise<ShareLinkRow[]> {
  const rows = await db.shareLink.findMany({
    where: { launchId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, showNames: true, expiresAt: true, revokedAt: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, name: r.name, showNames: r.showNames, expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(), createdByName: r.createdBy?.name ?? null,
    state: r.revokedAt ? "REVOKED" : r.expiresAt && r.expiresAt <= now ? "EXPIRED" : "ACTIVE",
  }));
}

export type ResolvedShare = { linkId: string; launchId: string; name: string; showNames: boolean; expiresAt: Date | null };

/** The link a token stands for, or null for an unknown, malformed, revoked or expired token (all alike). */
export async function resolveShareToken(token: string, now = new Date()): Promise<ResolvedShare | null> {
  if (!SHARE_TOKEN.test(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, launchId: true, name: true, showNames: true, expiresAt: true, revokedAt: true },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return null;
  return { linkId: link.id, launchId: link.launchId, name: link.name, showNames: link.showNames, expiresAt: link.expiresAt };
}

/** Which of these links are still valid (not revoked, not expired): the live access sweep asks, in one query. */
export async function validShareLinks(linkIds: readonly string[], now = new Date()): Promise<Set<string>> {
  const valid = new Set<string>();
  for (let i = 0; i < linkIds.length; i += 1_000) {
    const rows = await db.shareLink.findMany({
      where: { id: { in: linkIds.slice(i, i + 1_000) }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true },
    });
    for (const r of rows) valid.add(r.id);
  }
  return valid;
}
