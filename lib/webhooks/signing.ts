import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// `${msgId}.${timestamp}.${body}` with the secret's base64-decoded bytes, sent as `v1,<base64>`; several
// signatures (a rotation's old and new secret) are separated by spaces.

export const SECRET_PREFIX = "whsec_";
/** Signatures made with the previous secret keep being sent this long after a rotation. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;

export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

export function sign(secret: string, msgId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${msgId}.${timestamp}.${body}`).digest("base64")}`;
}

/** The `webhook-signature` header: the current secret's signature, then the previous one's while valid. */
export function signatureHeader(secrets: readonly string[], msgId: string, timestamp: number, body: string): string {
  return secrets.map((s) => sign(s, msgId, timestamp, body)).join(" ");
}

/** The secrets that sign now: the current one and a rotated-out one until it expires. */
export function signingSecrets(endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null }, now = new Date()) {
  const previousValid = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return previousValid ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

/** Message ids are the delivery's id, stable across retries, so receivers can drop duplicates. */
export const messageId = (deliveryId: string) => `msg_${deliveryId}`;
