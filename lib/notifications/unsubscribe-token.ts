// Signed unsubscribe tokens: who, which kind (or "all"), until when. HMAC-SHA256 with the instance's
// secret, so a link works without sign-in and cannot be forged or pointed at another user or kind.
// Pure apart from node:crypto: the secret is passed in (lib/notifications/unsubscribe.ts reads it).
import { createHmac, timingSafeEqual } from "node:crypto";
import { PREFERENCE_KINDS, type PreferenceKind } from "./kinds";

/** A link in an old mail keeps working for a year; after that the settings page does the same. */
export const UNSUBSCRIBE_TTL_DAYS = 365;
export const MAX_TOKEN_LENGTH = 512;

export type UnsubscribeClaim = { userId: string; kind: PreferenceKind; expiresAt: Date };
export type VerifyResult = { ok: true; claim: UnsubscribeClaim } | { ok: false; reason: "malformed" | "forged" | "expired" };

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64url");
const mac = (secret: string, body: string) => createHmac("sha256", secret).update(`liftoff-unsubscribe:${body}`).digest();

export function signUnsubscribe(secret: string, userId: string, kind: PreferenceKind, now = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TTL_DAYS * 86_400;
  const body = b64(JSON.stringify({ u: userId, k: kind, e: exp }));
  return `${body}.${b64(mac(secret, body))}`;
}

export function verifyUnsubscribe(secret: string, token: unknown, now = new Date()): VerifyResult {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return { ok: false, reason: "malformed" };
  const [body, sig] = parts;
  const given = Buffer.from(sig, "base64url");
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  let claim: { u?: unknown; k?: unknown; e?: unknown };
  try {
    claim = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const kind = PREFERENCE_KINDS.find((k) => k === claim.k);
  if (typeof claim.u !== "string" || !claim.u || !kind || typeof claim.e !== "number") return { ok: false, reason: "malformed" };
  if (claim.e * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claim: { userId: claim.u, kind, expiresAt: new Date(claim.e * 1000) } };
}
