// Half-open intervals [start, end): a window ending at 04:00 and one starting at 04:00 do not clash,
// matching the '[)' tstzrange of the exclusion constraint in the database.

import { occupiesEnvironment, type WindowStatus } from "./lifecycle";

export type Interval = { start: Date; end: Date };

const DAY = 86_400_000;

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export type ClashCandidate = Interval & { id?: string; environmentId: string };
export type ExistingWindow = Interval & { id: string; environmentId: string; status: WindowStatus; label: string };

/**
 * The earliest-starting window that would collide with `candidate` in the database: same environment,
 * holding it (scheduled or in progress), overlapping. The candidate's own row is skipped so moving a
 * window a little never clashes with where it was. A friendly pre-check only; the constraint decides.
 */
export function findClash<W extends ExistingWindow>(candidate: ClashCandidate, windows: readonly W[]): W | null {
  let clash: W | null = null;
  for (const w of windows) {
    if (w.id === candidate.id || w.environmentId !== candidate.environmentId) continue;
    if (!occupiesEnvironment(w.status) || !overlaps(candidate, w)) continue;
    if (!clash || w.start.getTime() < clash.start.getTime()) clash = w;
  }
  return clash;
}

export type NextFreeSlotInput = {
  desiredStart: Date;
  durationMs: number;
  busy: readonly Interval[];
  /** Typically "now": no slot is offered in the past. */
  notBefore?: Date;
  /** Concrete occurrences (see expandFreeze), not freeze rules. */
  freezes?: readonly Interval[];
  /** How far after the effective desired start a slot may begin. */
  horizonDays?: number;
};

/** The search never looks further than this, whatever the caller asks: its work stays bounded. */
export const MAX_SEARCH_DAYS = 366;

/**
 * The earliest start >= max(desiredStart, notBefore) whose [start, start + duration) touches no busy
 * or freeze interval, or null if none starts within the horizon. One sweep over the blocking intervals
 * sorted by start (O(n log n)): a slot opens in the first gap long enough, and the cursor only moves forward.
 */
export function nextFreeSlot(input: NextFreeSlotInput): Date | null {
  const { desiredStart, durationMs, busy, notBefore, freezes = [], horizonDays = 90 } = input;
  if (!(durationMs > 0)) throw new RangeError("A slot needs a positive duration");
  let cursor = Math.max(desiredStart.getTime(), notBefore?.getTime() ?? -Infinity);
  if (!Number.isFinite(cursor)) return null;
  const limit = cursor + Math.min(Math.max(horizonDays, 0), MAX_SEARCH_DAYS) * DAY;
  const blocking = [...busy, ...freezes]
    .map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }))
    .filter((i) => i.end > i.start && i.end > cursor)
    .sort((a, b) => a.start - b.start);
  for (const i of blocking) {
    if (cursor > limit) return null;
    if (i.start >= cursor + durationMs) break;
    cursor = Math.max(cursor, i.end);
  }
  return cursor > limit ? null : new Date(cursor);
}
