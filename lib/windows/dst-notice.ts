import { formatInZone, formatDuration } from "./dst-format";
import { formatWallClock, parseWallClock, wallClockAt, wallClockToInstant, type WallClock } from "./wall-clock";

// What a wall-clock time means on a daylight-saving day, said before saving: inside a gap the time never
// happens (wallClockToInstant moves it forward), inside a repeated hour it happens twice (it takes the
// first). Pure; the window form shows these beside the field.

export type Occurrence = { at: Date; label: string };
export type WallClockNotice =
  | { kind: "gap"; message: string; resolved: Date }
  | { kind: "repeated"; message: string; first: Occurrence; second: Occurrence };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const sameWall = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
const hhmm = (w: WallClock) => `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
const dayMonth = (at: Date, zone: string) => formatInZone(at, zone, { weekday: false, year: false, zone: false }).split(",")[0];

export function wallClockNotice(local: string, zone: string, what = "the window"): WallClockNotice | null {
  const wall = parseWallClock(local);
  if (!wall) return null;
  let at: Date;
  try {
    at = wallClockToInstant(wall, zone);
  } catch {
    return null;
  }
  const shown = wallClockAt(at, zone);
  if (!sameWall(shown, wall)) {
    // Walk back from where the time lands to the minute the clock jumped (gaps are at most a few hours).
    const minutes = (w: WallClock) => w.hour * 60 + w.minute;
    let t = at.getTime();
    for (let i = 0; i < 240; i++, t -= MINUTE) {
      const [prev, cur] = [wallClockAt(new Date(t - MINUTE), zone), wallClockAt(new Date(t), zone)];
      if (minutes(cur) - minutes(prev) > 1) break;
    }
    const jumpTo = wallClockAt(new Date(t), zone);
    const lastBefore = wallClockAt(new Date(t - MINUTE), zone);
    const jumpFrom = (minutes(lastBefore) + 1) % (24 * 60);
    const fromText = `${String(Math.floor(jumpFrom / 60)).padStart(2, "0")}:${String(jumpFrom % 60).padStart(2, "0")}`;
    return {
      kind: "gap",
      resolved: at,
      message: `${hhmm(wall)} does not exist on ${dayMonth(at, zone)} in ${zone}: clocks jump from ${fromText} to ${hhmm(jumpTo)}. ${capital(what)} would start at ${formatInZone(at, zone, { weekday: false, year: false }).split(", ")[1]} instead.`,
    };
  }
  for (const shift of [HOUR, 30 * MINUTE]) {
    const candidate = new Date(at.getTime() + shift);
    if (sameWall(wallClockAt(candidate, zone), wall)) {
      const first = { at, label: formatInZone(at, zone, { weekday: false, year: false }).split(", ")[1] };
      const second = { at: candidate, label: formatInZone(candidate, zone, { weekday: false, year: false }).split(", ")[1] };
      return {
        kind: "repeated",
        first,
        second,
        message: `${hhmm(wall)} happens twice on ${dayMonth(at, zone)} in ${zone} (clocks go back): first as ${first.label}, then ${formatDuration(shift)} later as ${second.label}. Which one is meant?`,
      };
    }
  }
  return null;
}

/** How much shorter (or longer) a window is than its clock times suggest, or null when they agree. */
export function durationNotice(startLocal: string, endLocal: string, zone: string): string | null {
  const [s, e] = [parseWallClock(startLocal), parseWallClock(endLocal)];
  if (!s || !e) return null;
  const real = wallClockToInstant(e, zone).getTime() - wallClockToInstant(s, zone).getTime();
  const nominal = Date.UTC(e.year, e.month - 1, e.day, e.hour, e.minute) - Date.UTC(s.year, s.month - 1, s.day, s.hour, s.minute);
  if (real <= 0 || nominal <= 0 || real === nominal) return null;
  const diff = Math.abs(real - nominal);
  return `Across the clock change the window lasts ${formatDuration(real)}, ${formatDuration(diff)} ${real < nominal ? "less" : "more"} than ${formatWallClock(s).slice(11)}–${formatWallClock(e).slice(11)} suggests.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
