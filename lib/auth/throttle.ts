import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";

// Per-account sign-in backoff, independent of the client's address: after LOCK_AFTER failed passwords for
// one email, every further attempt waits out a lock that doubles (30 s, 1 min, 2 min … 15 min at most).
// Each attempt is counted *before* the password is checked (one short transaction on the account's row),
// so a burst of concurrent guesses from many addresses cannot slip past the count; a success clears it.
// The per-address limit (better-auth's, keyed by the socket address) sits in front of this one.

export const LOCK_AFTER = 5;
const BASE_MS = 30_000;
const MAX_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const FORGET_MS = 24 * 60 * 60_000;

/** How long an account stays locked after its n-th consecutive failure (0 below LOCK_AFTER). */
export function backoffMs(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.min(failures - LOCK_AFTER, 20));
}

const keyOf = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts an attempt for `email` unless the account is locked; refuses while it is. */
export async function reserveSignInAttempt(email: string, now = Date.now()): Promise<Reservation> {
  const key = keyOf(email);
  const at = new Date(now);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO sign_in_throttle (key, failures, updated_at) VALUES (${key}, 0, ${at}) ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; locked_until: Date | null; updated_at: Date }[]>`
      SELECT failures, locked_until, updated_at FROM sign_in_throttle WHERE key = ${key} FOR UPDATE`;
    if (row.locked_until && row.locked_until.getTime() > now) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.locked_until.getTime() - now) / 1000) };
    }
    const failures = (now - row.updated_at.getTime() > FORGET_MS ? 0 : row.failures) + 1;
    const lock = backoffMs(failures);
    await tx.$executeRaw`
      UPDATE sign_in_throttle SET failures = ${failures}, locked_until = ${lock ? new Date(now + lock) : null}, updated_at = ${at}
      WHERE key = ${key}`;
    return { allowed: true } as const;
  });
}

/** The attempt's outcome: a success clears the account's count; an attempt that never checked the password is not held against it. */
export async function settleSignInAttempt(email: string, outcome: "success" | "failure" | "not-checked") {
  const key = keyOf(email);
  if (outcome === "success") await db.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${key}`;
  else if (outcome === "not-checked") {
    await db.$executeRaw`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${key}`;
  }
}
