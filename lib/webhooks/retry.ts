// When to try a delivery again. Pure: unit-tested beside.

/** Attempts per delivery (counted from the last manual resend) before it is marked failed. */
export const MAX_ATTEMPTS = 8;
/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at 6 h. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 6 * 3_600_000;
/** A receiver's Retry-After is honoured up to this far ahead. */
export const RETRY_AFTER_MAX_MS = 3_600_000;

/** Delay before attempt `attempt + 1`, after `attempt` (1-based) failed. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
}

/**
 * A Retry-After header (delta-seconds or an HTTP date) as a delay in ms from `now`, clamped to
 * [0, RETRY_AFTER_MAX_MS]; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, RETRY_AFTER_MAX_MS);
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), RETRY_AFTER_MAX_MS);
}

export type AttemptResult = { status: number | null; retryAfter?: string | null; error?: string | null };

export type Verdict =
  | { kind: "delivered" }
  | { kind: "gone" } // 410: stop and disable the endpoint
  | { kind: "retry"; delayMs: number }
  | { kind: "failed" };

/** What to do after attempt number `attempt` (counted from the last resend) ended with `result`. */
export function verdict(result: AttemptResult, attempt: number, now: Date = new Date()): Verdict {
  const { status } = result;
  if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 410) return { kind: "gone" };
  if (attempt >= MAX_ATTEMPTS) return { kind: "failed" };
  if (status === 429 || status === 503) {
    const after = parseRetryAfter(result.retryAfter, now);
    if (after !== null) return { kind: "retry", delayMs: after };
  }
  return { kind: "retry", delayMs: backoffMs(attempt) };
}
