// How runbook times read: a clock time in a zone with the zone's name, and T-minus/T-plus relative to the
// window start. Client-safe and pure (the forecast itself comes from lib/runbook).
import { zoneShortName } from "@/lib/time/zones";

const clocks = new Map<string, Intl.DateTimeFormat>();
function clockFormat(zone: string) {
  let f = clocks.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(zone, f);
  }
  return f;
}

/** "02:40 BST": a clock time with its zone's name (runbooks live inside one night). */
export function clock(at: Date, zone: string): string {
  return `${clockFormat(zone).format(at)} ${zoneShortName(zone, at)}`;
}

/** "T−0:45" before the window starts, "T+1:20" after (hours:minutes, whole minutes). */
export function tMinus(at: Date, windowStart: Date): string {
  const min = Math.round((at.getTime() - windowStart.getTime()) / 60_000);
  const abs = Math.abs(min);
  return `T${min < 0 ? "−" : "+"}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/** "45 min", "2 h 05 min", with a sign when asked ("+12 min", "−3 min"). */
export function minutes(n: number, signed = false): string {
  const abs = Math.abs(Math.round(n));
  const text = abs < 60 ? `${abs} min` : `${Math.floor(abs / 60)} h${abs % 60 ? ` ${String(abs % 60).padStart(2, "0")} min` : ""}`;
  if (!signed) return n < 0 ? `−${text}` : text;
  return `${n < 0 ? "−" : "+"}${text}`;
}
