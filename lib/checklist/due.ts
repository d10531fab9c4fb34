// Due dates relative to the deployment window's start: "T-2d", "T+4h", "T-1d 6h 30m", "T".
//
// Stored as signed minutes (a day = 1440), resolved in the launch's time zone like this:
// - whole days are calendar days, so "T-1d" before a 09:00 window is 09:00 the day before, even
//   when a DST change falls in between (that day may be 23 or 25 hours long);
// - the remainder (hours, minutes) is elapsed time, added after the days.
// Because minutes do not remember how they were written, "T-36h" and "T-1d12h" resolve alike.
// A wall time that does not exist (skipped by spring-forward) moves forward by the gap, as
// @date-fns/tz's TZDate does: 01:30 on a day that jumps 01:00 -> 02:00 becomes 02:30.
// A wall time that happens twice (fall-back) takes the earlier instant, so a deadline never slips.

import { tzOffset } from "@date-fns/tz";

const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Nothing on a cutover checklist is planned years ahead; a bigger number is a typo. */
export const MAX_RELATIVE_DUE_MINUTES = 1000 * MINUTES_PER_DAY;

const PATTERN = /^T(?:\s*([+-])\s*(?:(\d{1,6})\s*d)?\s*(?:(\d{1,6})\s*h)?\s*(?:(\d{1,7})\s*m)?)?$/i;

/** Signed minutes from the window start, or null when `text` is not a relative due. */
export function parseRelativeDue(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, days, hours, minutes] = match;
  if (!sign) return 0;
  if (days === undefined && hours === undefined && minutes === undefined) return null;
  const total = Number(days ?? 0) * MINUTES_PER_DAY + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
  if (total > MAX_RELATIVE_DUE_MINUTES) return null;
  return sign === "-" && total !== 0 ? -total : total;
}

/** Canonical spelling: "T-1d6h30m", "T+4h", "T". */
export function formatRelativeDue(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded === 0) return "T";
  const abs = Math.abs(rounded);
  const days = Math.floor(abs / MINUTES_PER_DAY);
  const hours = Math.floor((abs % MINUTES_PER_DAY) / 60);
  const mins = abs % 60;
  const parts = [days && `${days}d`, hours && `${hours}h`, mins && `${mins}m`].filter(Boolean);
  return `T${rounded < 0 ? "-" : "+"}${parts.join("")}`;
}

function offsetMs(timeZone: string, at: number): number {
  const minutes = tzOffset(timeZone, new Date(at));
  if (Number.isNaN(minutes)) throw new RangeError(`Unknown time zone “${timeZone}”.`);
  return minutes * MS_PER_MINUTE;
}

/** Wall-clock time in `timeZone`, encoded as if it were UTC, so calendar arithmetic is exact. */
function toWall(instant: number, timeZone: string): number {
  return instant + offsetMs(timeZone, instant);
}

function fromWall(wall: number, timeZone: string): number {
  // The offsets a day either side bracket any single DST change near this wall time.
  const before = offsetMs(timeZone, wall - MS_PER_DAY);
  const after = offsetMs(timeZone, wall + MS_PER_DAY);
  const valid = [wall - before, wall - after].filter((t) => toWall(t, timeZone) === wall);
  // No valid candidate: the wall time is in a gap; the pre-change offset lands past it.
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

/** The absolute due time of `offsetMinutes` relative to `windowStart`, in the launch's zone. */
export function resolveDue(offsetMinutes: number, windowStart: Date, timeZone: string): Date {
  const sign = offsetMinutes < 0 ? -1 : 1;
  const abs = Math.abs(Math.round(offsetMinutes));
  const days = Math.floor(abs / MINUTES_PER_DAY);
  const rest = abs % MINUTES_PER_DAY;
  const start = windowStart.getTime();
  const dayShifted = days === 0 ? start : fromWall(toWall(start, timeZone) + sign * days * MS_PER_DAY, timeZone);
  return new Date(dayShifted + sign * rest * MS_PER_MINUTE);
}

/**
 * An item's due time: its absolute date if it has one, else its offset from the window.
 * Null when there is neither, or the due is relative and no window is scheduled yet.
 */
export function effectiveDue(
  item: { dueAt: Date | null; dueOffsetMinutes: number | null },
  windowStart: Date | null,
  timeZone: string,
): Date | null {
  if (item.dueAt) return item.dueAt;
  if (item.dueOffsetMinutes === null || !windowStart) return null;
  return resolveDue(item.dueOffsetMinutes, windowStart, timeZone);
}
