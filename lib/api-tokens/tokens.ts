import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { resolveLaunchAccess } from "@/lib/launches/access";
import { runCommand } from "@/lib/server/command";
import type { z } from "zod";
import type { ApiScope, createApiTokenSchema } from "./api-token.schema";

// Personal API tokens, after the calendar feed's pattern (lib/windows/feed.ts): the token is shown once,
// only its sha256 is stored, and a token acts as its owner narrowed to its launches and scopes. It never
// carries instance-admin powers: an admin's script acts through memberships like anyone else's.

export const TOKEN_PREFIX = "lft_";
/** Characters of the token kept in clear (for lists): "lft_" and 8 of the 43 random ones. */
const SHOWN = TOKEN_PREFIX.length + 8;
const TOKEN_SHAPE = /^lft_[A-Za-z0-9_-]{43}$/;

export const hashApiToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export async function createApiToken(actor: Actor, input: z.output<typeof createApiTokenSchema>) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const launchIds = [...new Set(input.launchIds)];
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    // Only launches the owner is a member of: the token can never reach further than its owner.
    for (const launchId of launchIds) await resolveLaunchAccess({ userId: actor.userId, isAdmin: false }, launchId, { tx });
    const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
    const row = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name: input.name,
        prefix: token.slice(0, SHOWN),
        tokenHash: hashApiToken(token),
        scopes: [...new Set(input.scopes)],
        expiresAt,
        launches: { create: launchIds.map((launchId) => ({ launchId })) },
      },
      select: { id: true, prefix: true, createdAt: true },
    });
    // Audited like every change; the token itself never enters the event.
    emit(null, { type: "api_token.created", payload: { tokenId: row.id, name: input.name, launchIds, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null } });
    return { id: row.id, token, prefix: row.prefix };
  });
  return result;
}

/** The owner revokes their own token; an admin (`asAdmin`) any token. Revoking twice is a no-op. */
export async function revokeApiToken(actor: Actor, tokenId: string, opts: { asAdmin?: boolean } = {}) {
  if (opts.asAdmin && !actor.isAdmin) throw new ForbiddenError("Only instance admins can revoke other people's tokens.");
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    const where = opts.asAdmin ? { id: tokenId } : { id: tokenId, userId: actor.userId };
    const row = await tx.apiToken.findFirst({ where, select: { id: true, userId: true, name: true, revokedAt: true } });
    if (!row) throw new NotFoundError("Token not found.");
    if (row.revokedAt) return { revoked: false };
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date(), revokedById: actor.userId } });
    emit(null, { type: "api_token.revoked", payload: { tokenId: row.id, name: row.name, ownerId: row.userId, byAdmin: opts.asAdmin === true && row.userId !== actor.userId } });
    return { revoked: true };
  });
  return result;
}

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  launches: { id: string; name: string }[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  owner: { name: string; email: string };
  state: "active" | "expired" | "revoked";
};

const ROW_SELECT = {
  id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, revokedAt: true,
  usage: { select: { lastUsedAt: true } },
  user: { select: { name: true, email: true } },
  launches: { select: { launch: { select: { id: true, name: true } } }, orderBy: { launch: { name: "asc" } } },
} as const;

type Selected = {
  id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null;
  usage: { lastUsedAt: Date } | null; user: { name: string; email: string }; launches: { launch: { id: string; name: string } }[];
};

const toRow = (r: Selected, now = new Date()): ApiTokenRow => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  launches: r.launches.map((l) => l.launch).sort((a, b) => a.name.localeCompare(b.name)),
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  lastUsedAt: r.usage?.lastUsedAt.toISOString() ?? null,
  owner: r.user,
  state: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
});

export async function listMyApiTokens(userId: string): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 200, select: ROW_SELECT });
  return rows.map((r) => toRow(r));
}

/** For the admin page: every token of the instance, newest first. */
export async function listAllApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
  if (!actor.isAdmin) throw new ForbiddenError("Only instance admins can list every token.");
  const rows = await db.apiToken.findMany({ orderBy: { createdAt: "desc" }, take: 500, select: ROW_SELECT });
  return rows.map((r) => toRow(r));
}

/** Requests per token per minute, counted in Postgres so the limit holds across instances. */
export const API_RATE_LIMIT_PER_MINUTE = 300;

export type ApiPrincipal = { tokenId: string; actor: Actor; scopes: ApiScope[]; launchIds: ReadonlySet<string> };
export type Authenticated =
  | { ok: true; principal: ApiPrincipal }
  | { ok: false; reason: "missing" | "invalid" }
  | { ok: false; reason: "rate"; retryAfterSeconds: number };

/** Reads `Authorization: Bearer lft_…`; unknown, revoked and expired tokens are the same "invalid". */
export async function authenticateApiToken(authorization: string | null, now = new Date()): Promise<Authenticated> {
  if (!authorization) return { ok: false, reason: "missing" };
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!match || !TOKEN_SHAPE.test(match[1])) return { ok: false, reason: "invalid" };
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: { id: true, userId: true, scopes: true, expiresAt: true, revokedAt: true, launches: { select: { launchId: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return { ok: false, reason: "invalid" };
  // One statement records the use and counts it in the current minute's window.
  const [usage] = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO api_token_usage (token_id, last_used_at, window_start, count)
    VALUES (${row.id}, now(), date_trunc('minute', now()), 1)
    ON CONFLICT (token_id) DO UPDATE SET
      last_used_at = now(),
      count = CASE WHEN api_token_usage.window_start = date_trunc('minute', now()) THEN api_token_usage.count + 1 ELSE 1 END,
      window_start = date_trunc('minute', now())
    RETURNING count, window_start`;
  if (usage.count > API_RATE_LIMIT_PER_MINUTE) {
    const retryAfterSeconds = Math.max(1, Math.ceil((usage.window_start.getTime() + 60_000 - Date.now()) / 1000));
    return { ok: false, reason: "rate", retryAfterSeconds };
  }
  return {
    ok: true,
    principal: {
      tokenId: row.id,
      actor: { userId: row.userId, isAdmin: false },
      scopes: row.scopes as ApiScope[],
      launchIds: new Set(row.launches.map((l) => l.launchId)),
    },
  };
}

/** The launches a token may be scoped to: those the user is a member of. */
export async function tokenLaunchChoices(userId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.member.findMany({ where: { userId }, select: { launch: { select: { id: true, name: true } } }, orderBy: { launch: { name: "asc" } }, take: 500 });
  return rows.map((r) => r.launch);
}
