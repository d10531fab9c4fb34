// How far back and ahead windows and freezes may lie. Pure: the limits come from the environment
// (LIFTOFF_HORIZON_PAST_DAYS, LIFTOFF_HORIZON_FUTURE_YEARS, read in lib/env.ts) and are passed in, so
// every date a request carries is bounded before any work scales with it.

export type Horizon = { pastDays: number; futureYears: number };

export const DEFAULT_HORIZON: Horizon = { pastDays: 365, futureYears: 5 };

const DAY = 86_400_000;
/** A start a few minutes old is "now" to a person filling a form, not a past window. */
export const PAST_START_GRACE_MS = 5 * 60_000;

export function horizonBounds(now: Date, horizon: Horizon): { earliest: Date; latest: Date } {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + horizon.futureYears);
  return { earliest: new Date(now.getTime() - horizon.pastDays * DAY), latest };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Field errors for a range outside the horizon (`what`: "window" or "freeze"), or null when it lies within. */
export function horizonError(range: { start: Date; end: Date }, now: Date, horizon: Horizon, what: string): Record<string, string[]> | null {
  const { earliest, latest } = horizonBounds(now, horizon);
  if (range.start < earliest) return { start: [`A ${what} can start at most ${horizon.pastDays} days back (from ${day(earliest)})`] };
  if (range.end > latest) return { end: [`A ${what} must end within ${horizon.futureYears} years from now (by ${day(latest)})`] };
  return null;
}

/** The refusal for newly proposing or scheduling a window that starts in the past, or null. */
export function pastStartError(start: Date, now: Date): string | null {
  if (start.getTime() >= now.getTime() - PAST_START_GRACE_MS) return null;
  return "This window starts in the past. Pick a future start; past windows can only be completed or rolled back.";
}
