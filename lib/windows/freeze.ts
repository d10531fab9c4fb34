// Freezes (blackouts): periods in which windows may not be scheduled without a written override.
// Weekly freezes are wall-clock rules in their own zone, so "Mon-Fri 08:00-18:00 Europe/Berlin"
// stays 08:00-18:00 in Berlin all year while its UTC instants move with DST.

import { formatInZone } from "@/lib/time/format";
import { overlaps, type Interval } from "./intervals";
import { addDays, isoWeekday, parseWallClock, wallClockAt, wallClockToInstant, type WallClock } from "./wall-clock";

type FreezeBase = { id: string; environmentId: string | null; reason: string; timeZone: string };
export type OneOffFreeze = FreezeBase & { kind: "ONE_OFF"; startsAt: Date; endsAt: Date };
export type WeeklyFreeze = FreezeBase & {
  kind: "WEEKLY";
  /** ISO weekdays the freeze starts on: 1 = Monday ... 7 = Sunday. */
  weekdays: readonly number[];
  startTime: string;
  /** At or before startTime: the occurrence runs past midnight into the next day. */
  endTime: string;
};
export type Freeze = OneOffFreeze | WeeklyFreeze;

/** The Freeze table keeps both kinds in one row shape; this narrows a row, refusing half-filled ones. */
export function freezeFromRow(row: FreezeBase & {
  kind: "ONE_OFF" | "WEEKLY";
  startsAt: Date | null;
  endsAt: Date | null;
  weekdays: number[];
  startTime: string | null;
  endTime: string | null;
}): Freeze {
  const base = { id: row.id, environmentId: row.environmentId, reason: row.reason, timeZone: row.timeZone };
  if (row.kind === "ONE_OFF") {
    if (!row.startsAt || !row.endsAt) throw new Error(`One-off freeze ${row.id} has no start or end`);
    return { ...base, kind: "ONE_OFF", startsAt: row.startsAt, endsAt: row.endsAt };
  }
  if (!row.startTime || !row.endTime) throw new Error(`Weekly freeze ${row.id} has no start or end time`);
  return { ...base, kind: "WEEKLY", weekdays: row.weekdays, startTime: row.startTime, endTime: row.endTime };
}

function timeOfDay(hhmm: string): { hour: number; minute: number } {
  const wall = parseWallClock(`2000-01-01T${hhmm}`);
  if (!wall) throw new RangeError(`Not a time "HH:mm": ${hhmm}`);
  return { hour: wall.hour, minute: wall.minute };
}

/**
 * At most this many weekly occurrences are visited per call (5.5 years of a freeze every day; the iCal
 * feed, the widest caller, asks for 240 days): the work is bounded whatever range a caller passes.
 */
export const MAX_FREEZE_OCCURRENCES = 2000;

/** Concrete occurrences of `freeze` that overlap [rangeStart, rangeEnd), in chronological order. */
export function expandFreeze(freeze: Freeze, rangeStart: Date, rangeEnd: Date): Interval[] {
  const range = { start: rangeStart, end: rangeEnd };
  if (freeze.kind === "ONE_OFF") {
    const occurrence = { start: freeze.startsAt, end: freeze.endsAt };
    return occurrence.end > occurrence.start && overlaps(occurrence, range) ? [occurrence] : [];
  }
  if (!(rangeEnd > rangeStart)) return [];
  const from = timeOfDay(freeze.startTime);
  const to = timeOfDay(freeze.endTime);
  const overnight = to.hour * 60 + to.minute <= from.hour * 60 + from.minute;
  // Offsets from Monday of the freeze's weekdays: the walk visits only those days, week by week, so its
  // work is O(range / week x weekdays) and never touches the other days.
  const offsets = [...new Set(freeze.weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b).map((d) => d - 1);
  if (offsets.length === 0) return [];
  const out: Interval[] = [];
  // Start a day early: an overnight occurrence begun the evening before can reach into the range.
  const first = addDays(wallClockAt(rangeStart, freeze.timeZone), -1);
  const last = wallClockAt(rangeEnd, freeze.timeZone);
  let visited = 0;
  const hint = { offset: null as number | null };
  for (let monday = addDays(first, 1 - isoWeekday(first)); !isAfterDate(monday, last); monday = addDays(monday, 7)) {
    for (const offset of offsets) {
      const day = addDays(monday, offset);
      if (isAfterDate(first, day) || isAfterDate(day, last)) continue;
      if (++visited > MAX_FREEZE_OCCURRENCES) return out;
      const start = toInstant({ ...day, ...from }, freeze.timeZone, hint);
      const end = toInstant({ ...addDays(day, overnight ? 1 : 0), ...to }, freeze.timeZone, hint);
      // A freeze lying wholly inside a DST gap (02:00-03:00 on spring-forward day) is empty that day.
      if (end > start && overlaps({ start, end }, range)) out.push({ start, end });
    }
  }
  return out;
}

/**
 * wallClockToInstant with a fast path: occurrences are computed in time order, so the offset of the
 * previous one is tried first and checked with one zone lookup instead of four. The previous offset is
 * the one in force before any transition, so a fall-back time still resolves to its earlier instant, as
 * wallClockToInstant does; a miss (a transition, a DST gap) takes the full path.
 */
function toInstant(wall: WallClock, timeZone: string, hint: { offset: number | null }): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  if (hint.offset !== null) {
    const guess = new Date(naive - hint.offset);
    const back = wallClockAt(guess, timeZone);
    if (back.year === wall.year && back.month === wall.month && back.day === wall.day && back.hour === wall.hour && back.minute === wall.minute) {
      return guess;
    }
  }
  const instant = wallClockToInstant(wall, timeZone);
  hint.offset = naive - instant.getTime();
  return instant;
}

const isAfterDate = (a: WallClock, b: WallClock) =>
  Date.UTC(a.year, a.month - 1, a.day) > Date.UTC(b.year, b.month - 1, b.day);

export type FreezeHit<F extends Freeze = Freeze> = { freeze: F; occurrence: Interval };

/** Occurrences of freezes that apply to the window's environment (or to every environment) and overlap it. */
export function freezesHitting<F extends Freeze>(
  window: Interval & { environmentId: string },
  freezes: readonly F[],
): FreezeHit<F>[] {
  const hits: FreezeHit<F>[] = [];
  for (const freeze of freezes) {
    if (freeze.environmentId !== null && freeze.environmentId !== window.environmentId) continue;
    for (const occurrence of expandFreeze(freeze, window.start, window.end)) hits.push({ freeze, occurrence });
  }
  return hits.sort((a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime());
}

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** [1,2,3,4,5] -> "Mon–Fri"; [1,3,5] -> "Mon, Wed, Fri"; [5,6,7,1] -> "Fri–Mon"; runs of two stay a list. */
export function describeWeekdays(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (days.length === 7) return "Every day";
  if (days.length === 0) return "No days";
  // Rotate so a run wrapping past Sunday (Sat, Sun, Mon) is read as one run starting on Saturday.
  let rotate = 0;
  while (days.includes(((days[rotate] + 5) % 7) + 1)) rotate = (rotate + days.length - 1) % days.length;
  const ordered = [...days.slice(rotate), ...days.slice(0, rotate)];
  const runs: number[][] = [];
  for (const d of ordered) {
    const run = runs.at(-1);
    if (run && (run.at(-1)! % 7) + 1 === d) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((run) => (run.length >= 3 ? `${DAY_NAMES[run[0] - 1]}–${DAY_NAMES[run.at(-1)! - 1]}` : run.map((d) => DAY_NAMES[d - 1]).join(", ")))
    .join(", ");
}

// The app's one date style (lib/time/format.ts), in the freeze's own zone, named once after the range.
const describeInstant = (date: Date, timeZone: string) => formatInZone(date, timeZone, { weekday: false, zone: false });

/** "Mon–Fri 08:00–18:00 Europe/Berlin", "Fri 18:00–06:00 (next day) UTC", "20 Dec 2026, 18:00 – 4 Jan 2027, 08:00 UTC". */
export function describeFreeze(freeze: Freeze): string {
  if (freeze.kind === "ONE_OFF") {
    const { startsAt, endsAt, timeZone } = freeze;
    return `${describeInstant(startsAt, timeZone)} – ${describeInstant(endsAt, timeZone)} ${timeZone}`;
  }
  const from = timeOfDay(freeze.startTime);
  const to = timeOfDay(freeze.endTime);
  const overnight = to.hour * 60 + to.minute <= from.hour * 60 + from.minute ? " (next day)" : "";
  return `${describeWeekdays(freeze.weekdays)} ${freeze.startTime}–${freeze.endTime}${overnight} ${freeze.timeZone}`;
}
