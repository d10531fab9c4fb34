// When a user's daily digest is due: at their chosen hour on the wall clock of their zone, once per
// local day. Pure (the runtime's tz database via lib/windows/wall-clock.ts), so DST is unit-tested:
// - spring-forward day whose hour does not exist (02:00 in New York): the digest goes out once, at the
//   same instant the clock jumps to (03:00 local), the "compatible" rule of wallClockToInstant;
// - fall-back day whose hour happens twice (01:00 in New York): once, at the earlier of the two.
// The `notify.digest` job runs every 15 minutes (every zone's offset is a multiple of 15 minutes) and
// sends a user's digest when something of theirs was pending at their last due instant.
import { addDays, wallClockAt, wallClockToInstant } from "@/lib/windows/wall-clock";

/** Users who never chose keep the instance's historical default: 07:00 UTC. */
export const DEFAULT_DIGEST_HOUR = 7;
export const DEFAULT_DIGEST_ZONE = "UTC";

export type DigestTime = { hour: number; timeZone: string };

/** A stored choice, or the default for a missing or no longer valid one (a zone the runtime dropped). */
export function digestTimeOf(hour: number | null | undefined, timeZone: string | null | undefined): DigestTime {
  const h = Number.isInteger(hour) && hour! >= 0 && hour! <= 23 ? hour! : DEFAULT_DIGEST_HOUR;
  if (!timeZone) return { hour: h, timeZone: DEFAULT_DIGEST_ZONE };
  try {
    wallClockAt(new Date(0), timeZone);
    return { hour: h, timeZone };
  } catch {
    return { hour: h, timeZone: DEFAULT_DIGEST_ZONE };
  }
}

/** The digest instant on the local calendar day of `day` (a wall clock's date). */
function instantOn(day: { year: number; month: number; day: number }, { hour, timeZone }: DigestTime): Date {
  return wallClockToInstant({ year: day.year, month: day.month, day: day.day, hour, minute: 0 }, timeZone);
}

/** The latest digest instant at or before `now`. */
export function lastDigestAt(now: Date, time: DigestTime): Date {
  const today = wallClockAt(now, time.timeZone);
  // Two days back covers a zone that skipped a whole calendar day (Pacific/Apia, 2011-12-30).
  for (const back of [0, 1, 2]) {
    const at = instantOn(addDays(today, -back), time);
    if (at.getTime() <= now.getTime()) return at;
  }
  return instantOn(addDays(today, -3), time);
}

/** The earliest digest instant strictly after `now`. */
export function nextDigestAt(now: Date, time: DigestTime): Date {
  const today = wallClockAt(now, time.timeZone);
  for (const ahead of [0, 1, 2]) {
    const at = instantOn(addDays(today, ahead), time);
    if (at.getTime() > now.getTime()) return at;
  }
  return instantOn(addDays(today, 3), time);
}

/** Sends now when something was already pending at the last due instant: never before the hour. */
export function digestDue(oldestPending: Date, now: Date, time: DigestTime): boolean {
  return oldestPending.getTime() <= lastDigestAt(now, time).getTime();
}

/** "08:00 Europe/London". */
export function describeDigestTime({ hour, timeZone }: DigestTime): string {
  return `${String(hour).padStart(2, "0")}:00 ${timeZone}`;
}
