// Parsing of the `due` cell: an absolute ISO 8601 time with an explicit offset, or a relative due.
// A time without an offset is refused rather than guessed: "09:00" means different instants in each zone.

import { parseRelativeDue } from "./due";

export type CsvDue = { none: true } | { dueAt: Date } | { dueOffsetMinutes: number } | { error: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The instant an ISO 8601 date-time with offset names, or null when it is malformed or impossible. */
export function parseIsoWithOffset(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 31 February over into March; a typo should be an error instead.
  const rolledOver = check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day;
  if (rolledOver || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8].toUpperCase();
  if (zone === "Z") return check;
  const digits = zone.replace(":", "");
  const offset = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0);
  if (offset > 18 * 60) return null;
  return new Date(local - (zone[0] === "-" ? -offset : offset) * 60_000);
}

export function parseCsvDue(cell: string): CsvDue {
  if (!cell) return { none: true };
  if (/^t(\s*[+-]|$)/i.test(cell)) {
    const minutes = parseRelativeDue(cell);
    if (minutes !== null) return { dueOffsetMinutes: minutes };
    return { error: `Due “${cell}” is not a relative time: write it like T-2d, T-4h, T-1d6h or T+30m.` };
  }
  const at = parseIsoWithOffset(cell);
  if (at) return { dueAt: at };
  const example = "2026-06-01T09:00:00+01:00, or relative to the window like T-2d";
  return { error: `Due “${cell}” is not a date and time with an offset: write it like ${example}.` };
}
