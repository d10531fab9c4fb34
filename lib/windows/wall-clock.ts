// Wall-clock time ("2026-03-29T02:30" in Europe/Berlin) <-> instants, using only the runtime's tz database.
// Written by hand rather than with TZDate because TZDate resolves the ambiguous fall-back hour
// differently per zone; here both edge cases follow one documented rule (Temporal's "compatible").

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Parses "YYYY-MM-DDTHH:mm"; null unless it names a real calendar day and a time of day. */
export function parseWallClock(local: string): WallClock | null {
  const m = WALL_CLOCK.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  // Date.UTC reads years 0-99 as 19xx; no deployment window lives before 1000 anyway.
  if (year < 1000 || month < 1 || month > 12 || hour > 23 || minute > 59 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day, hour, minute };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatWallClock(w: WallClock): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // h23, not hour12: false, which renders midnight as "24" in some ICU versions.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `date` (seconds dropped). Throws RangeError on an unknown zone. */
export function wallClockAt(date: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone`. */
export function instantToWallClock(date: Date, timeZone: string): string {
  return formatWallClock(wallClockAt(date, timeZone));
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

/** Minutes-precision offset of `timeZone` from UTC at `ms`, in ms (Berlin summer: +7_200_000). */
function offsetAt(ms: number, timeZone: string): number {
  const floored = Math.floor(ms / MINUTE) * MINUTE;
  return asUtc(wallClockAt(new Date(floored), timeZone)) - floored;
}

/**
 * The instant a wall clock in `timeZone` shows `local`. Two edge cases, both as Temporal's
 * "compatible" disambiguation and as most calendar apps resolve them:
 * - DST gap (the time never happens, e.g. 02:30 on 2026-03-29 in Berlin): moved forward by the
 *   length of the gap, so 02:30 becomes 03:30 CEST. Nobody gets a window that silently starts earlier.
 * - Fall-back overlap (the time happens twice, e.g. 02:30 on 2026-10-25 in Berlin): the earlier
 *   instant (02:30 CEST), so a window never starts later than the person reading it expects.
 * Throws RangeError on a malformed wall clock or an unknown zone.
 */
export function wallClockToInstant(local: string | WallClock, timeZone: string): Date {
  const wall = typeof local === "string" ? parseWallClock(local) : local;
  if (!wall) throw new RangeError(`Not a wall-clock time "YYYY-MM-DDTHH:mm": ${String(local)}`);
  const naive = asUtc(wall);
  // Offsets a day either side bracket any transition near this time (zones change at most once a day).
  const before = offsetAt(naive - DAY, timeZone);
  const after = offsetAt(naive + DAY, timeZone);
  const matches = [naive - before, naive - after].filter((t) => asUtc(wallClockAt(new Date(t), timeZone)) === naive);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In the gap: read the time with the offset in force before it, which lands after the gap.
  return new Date(naive - before);
}

/** Calendar-day arithmetic on a wall clock's date, independent of any zone. */
export function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a wall clock's date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(w: WallClock): number {
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return day === 0 ? 7 : day;
}
