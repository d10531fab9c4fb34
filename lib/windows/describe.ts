// Sentences about windows that the user reads in clash messages, cards and the calendar. Pure.

import { formatInZone } from "@/lib/time/format";
import { wallClockAt } from "./wall-clock";

const sameDay = (a: Date, b: Date, zone: string) => {
  const x = wallClockAt(a, zone);
  const y = wallClockAt(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

/** "Sat 5 Dec 2026, 01:00 GMT – 05:00 GMT", or both dates in full when the range crosses midnight in `zone`. */
export function formatRange(start: Date, end: Date, zone: string): string {
  const from = formatInZone(start, zone);
  if (!sameDay(start, end, zone)) return `${from} – ${formatInZone(end, zone)}`;
  return `${from} – ${formatInZone(end, zone).split(", ").at(-1)}`;
}

/** launchName null: the viewer is not a member of the other launch, so only the busy range is shown. */
export type ClashSubject = { launchName: string | null; environment: string; start: Date; end: Date };

/**
 * The message a manager sees when a window would overlap another: it says what is in the way and offers
 * the next free slot of the same length, so the fix is one click away. A launch the viewer cannot see
 * stays anonymous: "another launch's window" and its busy range, nothing else.
 */
export function clashMessage(clash: ClashSubject | null, suggestion: Date | null, zone: string): string {
  const whose = clash?.launchName ? `${clash.launchName} window` : "another launch's window";
  const what = clash
    ? `Clashes with ${whose} on ${clash.environment} ${formatRange(clash.start, clash.end, zone)}.`
    : "Another window was scheduled on this environment at the same moment and now overlaps this one.";
  const next = suggestion
    ? ` Next free slot of the same length: ${formatInZone(suggestion, zone)}.`
    : " No free slot of the same length in the next 90 days; pick another environment.";
  return what + next;
}
