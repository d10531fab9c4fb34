import { dayInterval } from "@/lib/windows/calendar-grid";
import { wallClockAt } from "@/lib/windows/wall-clock";

const hhmm = (d: Date, zone: string) => {
  const w = wallClockAt(d, zone);
  return `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
};

/**
 * "01:00–05:00" on the day shown; a side that lies on another day reads "…" so multi-day items stay honest,
 * and a day the item covers from end to end reads "All day" (not "…–…").
 */
export function timeOnDay(item: { start: string; end: string }, day: string, zone: string): string {
  const { start, end } = dayInterval(day, zone);
  const s = new Date(item.start);
  const e = new Date(item.end);
  if (s <= start && e >= end) return "All day";
  // Ending exactly at midnight reads 24:00 on this day, not 00:00.
  const to = e > end ? "…" : e.getTime() === end.getTime() ? "24:00" : hhmm(e, zone);
  return `${s < start ? "…" : hhmm(s, zone)}–${to}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const monthTitle = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
export const dayNumber = (day: string) => Number(day.slice(8, 10));
export const weekdayName = (isoWeekday: number) => WEEKDAYS[isoWeekday - 1];
export const shortDate = (day: string) => `${dayNumber(day)} ${MONTHS[Number(day.slice(5, 7)) - 1].slice(0, 3)}`;
