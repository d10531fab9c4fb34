// How times read in the UI. Every absolute time carries its zone; relative times sit beside them.
// Strings are assembled from Intl parts rather than Intl's own pattern, whose commas and "at"
// differ between ICU versions, so server and browser render the same text (no hydration mismatch).

import { canonicalZone, isValidTimeZone, zoneShortName } from "./zones";

export { plural } from "../checklist/quote-list";

/** `zone: false` leaves the zone off, for a caller that names it once for a whole range. */
export type FormatInZoneOptions = { weekday?: boolean; year?: boolean; seconds?: boolean; zone?: boolean };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: seconds ? "2-digit" : undefined,
      hourCycle: "h23",
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * "Sat 5 Dec 2026, 02:00 GMT", 24-hour. The zone is always there, by name: its lettered abbreviation
 * ("BST", "CEST", "EST") or else its IANA name ("Asia/Kolkata"), never a bare offset like "GMT-5".
 */
export function formatInZone(date: Date, timeZone: string, opts: FormatInZoneOptions = {}): string {
  const { weekday = true, year = true, seconds = false, zone = true } = opts;
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(timeZone, seconds).formatToParts(date)) p[part.type] = part.value;
  const day = [weekday ? p.weekday : null, p.day, p.month, year ? p.year : null].filter(Boolean).join(" ");
  const time = [p.hour, p.minute, seconds ? p.second : null].filter(Boolean).join(":");
  return zone ? `${day}, ${time} ${zoneShortName(timeZone, date)}` : `${day}, ${time}`;
}

export type TimeTriple = { launch: string; viewer?: string; utc: string };

/** "5 Dec 2026" in `timeZone`: the app's date style, for dates without a time (freezes' first day). */
export function formatDateInZone(date: Date, timeZone: string): string {
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter(timeZone, false).formatToParts(date)) p[part.type] = part.value;
  return `${p.day} ${p.month} ${p.year}`;
}

/**
 * One instant for the war room: in the launch's zone, the viewer's (if different from both) and UTC.
 * The viewer's zone comes from their browser; one the runtime does not know is left out, not fatal.
 */
export function formatTriple(date: Date, launchZone: string, viewerZone: string, opts?: FormatInZoneOptions): TimeTriple {
  const launch = formatInZone(date, launchZone, opts);
  const utc = formatInZone(date, "UTC", opts);
  const viewer = isValidTimeZone(viewerZone) ? canonicalZone(viewerZone) : null;
  // A viewer in UTC would read the UTC line twice ("You: … UTC" above "UTC: … UTC").
  if (!viewer || viewer === canonicalZone(launchZone) || viewer === "UTC") return { launch, utc };
  return { launch, viewer: formatInZone(date, viewerZone, opts), utc };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "in 3 h 12 min", "12 min ago", "in 2 d 4 h", "now" (within 30 s). Units are truncated, not rounded,
 * so "in 3 h" never shows while 2 h 59 min remain; the smaller unit is dropped when it is zero.
 */
export function formatRelative(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < 30_000) return "now";
  let text: string;
  if (abs < HOUR) text = `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  else if (abs < DAY) text = pair(Math.floor(abs / HOUR), "h", Math.floor((abs % HOUR) / MINUTE), "min");
  else text = pair(Math.floor(abs / DAY), "d", Math.floor((abs % DAY) / HOUR), "h");
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

const pair = (big: number, bigUnit: string, small: number, smallUnit: string) =>
  small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;

/**
 * "2d 04:12:09", "04:12:09", and "00:00:00" once the moment has passed. Seconds round up so the
 * clock reads 00:00:00 exactly at T-0, not a second early.
 */
export function formatCountdown(ms: number): string {
  if (!(ms > 0)) return "00:00:00";
  const total = Math.ceil(ms / 1000);
  const days = Math.floor(total / 86_400);
  const two = (n: number) => String(n).padStart(2, "0");
  const clock = `${two(Math.floor((total % 86_400) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}
