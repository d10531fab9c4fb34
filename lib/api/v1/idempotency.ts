import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";

// Idempotency-Key on writes (draft-ietf-httpapi-idempotency-key-header), stored per token: the first
// request with a key claims it, runs, and stores its answer; a retry with the same key and the same
// request gets that answer again without running twice. A refused write (4xx/5xx) changed nothing, so
// its claim is dropped and a corrected retry may reuse the key. Keys are kept 24 hours.

const KEY = /^[\x21-\x7e]{1,200}$/;
/** A claim whose request died (instance stopped mid-write) may be taken over after this long. */
const STALE_CLAIM_MS = 60_000;

export const validIdempotencyKey = (key: string) => KEY.test(key);

export const requestHash = (method: string, path: string, body: string) =>
  createHash("sha256").update(`${method} ${path}\n${body}`, "utf8").digest("hex");

export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; body: string }
  | { kind: "mismatch" }
  | { kind: "in-progress" };

export async function claimIdempotencyKey(tokenId: string, key: string, hash: string): Promise<Claim> {
  await db.$executeRaw`DELETE FROM api_idempotency WHERE token_id = ${tokenId} AND created_at < now() - interval '24 hours'`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db.$executeRaw`
      INSERT INTO api_idempotency (token_id, key, request_hash) VALUES (${tokenId}, ${key}, ${hash}) ON CONFLICT DO NOTHING`;
    if (inserted === 1) return { kind: "claimed" };
    const row = await db.apiIdempotency.findUnique({ where: { tokenId_key: { tokenId, key } }, select: { requestHash: true, status: true, body: true, createdAt: true } });
    if (!row) continue; // dropped between the two statements: claim again
    if (row.requestHash !== hash) return { kind: "mismatch" };
    if (row.status !== null) return { kind: "replay", status: row.status, body: row.body ?? "" };
    if (Date.now() - row.createdAt.getTime() < STALE_CLAIM_MS) return { kind: "in-progress" };
    const taken = await db.apiIdempotency.updateMany({ where: { tokenId, key, status: null, createdAt: row.createdAt }, data: { createdAt: new Date() } });
    return taken.count === 1 ? { kind: "claimed" } : { kind: "in-progress" };
  }
  return { kind: "in-progress" };
}

export async function settleIdempotencyKey(tokenId: string, key: string, status: number, body: string) {
  if (status >= 200 && status < 300) await db.apiIdempotency.update({ where: { tokenId_key: { tokenId, key } }, data: { status, body } });
  else await db.apiIdempotency.deleteMany({ where: { tokenId, key, status: null } });
}
