// Calendar arithmetic for the month, week and timeline views. Days are plain "YYYY-MM-DD" strings,
// independent of any zone; a day becomes instants only in the zone it is shown in (dayInterval), so a
// DST day is 23 or 25 hours long and nothing shifts. Pure.

import { overlaps, type Interval } from "./intervals";
import { addDays, isoWeekday, parseWallClock, wallClockAt, wallClockToInstant, type WallClock } from "./wall-clock";

export const CALENDAR_VIEWS = ["month", "week", "timeline"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];
export const TIMELINE_DAYS = 28;

const pad = (n: number) => String(n).padStart(2, "0");
const toDay = (w: Pick<WallClock, "year" | "month" | "day">) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;
const wall = (day: string): WallClock => parseWallClock(`${day}T00:00`)!;

export function isDay(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseWallClock(`${value}T00:00`) !== null;
}

export const todayIn = (zone: string, now = new Date()) => toDay(wallClockAt(now, zone));
export const shiftDay = (day: string, days: number) => toDay(addDays(wall(day), days));
export const weekdayOf = (day: string) => isoWeekday(wall(day));

/** Monday to Sunday of the week holding `day`. */
export function weekDays(day: string): string[] {
  const monday = shiftDay(day, 1 - weekdayOf(day));
  return Array.from({ length: 7 }, (_, i) => shiftDay(monday, i));
}

/** The weeks (Monday first) covering the month of `day`, padded with the neighbouring months' days. */
export function monthGrid(day: string): string[][] {
  const first = `${day.slice(0, 8)}01`;
  const weeks: string[][] = [];
  for (let monday = weekDays(first)[0]; monday.slice(0, 7) <= day.slice(0, 7) || weeks.length === 0; monday = shiftDay(monday, 7)) {
    weeks.push(weekDays(monday));
  }
  return weeks;
}

export function shiftPeriod(view: CalendarView, day: string, direction: 1 | -1): string {
  if (view === "week") return shiftDay(day, 7 * direction);
  if (view === "timeline") return shiftDay(day, TIMELINE_DAYS * direction);
  const w = wall(day);
  const month = w.month + direction;
  const year = w.year + Math.floor((month - 1) / 12);
  return toDay({ year, month: ((month - 1 + 12) % 12) + 1, day: 1 });
}

/** The instants a calendar day covers on the wall clock of `zone`. */
export function dayInterval(day: string, zone: string): Interval {
  return { start: wallClockToInstant(`${day}T00:00`, zone), end: wallClockToInstant(`${shiftDay(day, 1)}T00:00`, zone) };
}

/** Days the view shows, in order. */
export function viewDays(view: CalendarView, day: string): string[] {
  if (view === "month") return monthGrid(day).flat();
  if (view === "week") return weekDays(day);
  return Array.from({ length: TIMELINE_DAYS }, (_, i) => shiftDay(day, i));
}

/** What to load for the views: their days, widened by two days so any viewer zone (UTC±14) is covered. */
export function fetchRange(views: readonly CalendarView[], day: string): Interval {
  const days = views.flatMap((v) => viewDays(v, day)).sort();
  return { start: wallClockToInstant(`${shiftDay(days[0], -2)}T00:00`, "UTC"), end: wallClockToInstant(`${shiftDay(days.at(-1)!, 3)}T00:00`, "UTC") };
}

export function onDay<T extends { start: string; end: string }>(items: readonly T[], day: string, zone: string): T[] {
  const interval = dayInterval(day, zone);
  return items.filter((i) => overlaps({ start: new Date(i.start), end: new Date(i.end) }, interval));
}

/** Where an item sits inside a day, as fractions of the day (for the week view's bars). */
export function dayFraction(item: { start: string; end: string }, day: string, zone: string) {
  const { start, end } = dayInterval(day, zone);
  const length = end.getTime() - start.getTime();
  const from = Math.max(0, new Date(item.start).getTime() - start.getTime()) / length;
  const to = Math.min(length, new Date(item.end).getTime() - start.getTime()) / length;
  return { top: from, height: Math.max(to - from, 0.02) };
}
