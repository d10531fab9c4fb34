// The checklist CSV format, shared by export and import. One row per item, grouped by section title;
// a row with only a section declares an empty section, so empty sections survive a round trip.

import type { ItemStatus } from "./types";

export const COLUMNS = [
  { name: "key", description: "Short unique id of the row (e.g. S1-3), used by predecessors; blank gets one" },
  { name: "section", description: "Section title; rows with the same section are grouped, in file order" },
  { name: "title", description: "What must be done (required)" },
  { name: "description", description: "Details, steps or acceptance criteria" },
  { name: "owner_email", description: "Email of the launch member who owns the item; blank for nobody" },
  { name: "due", description: "ISO 8601 time with offset (2026-06-01T09:00:00+01:00) or relative to the window (T-2d, T-1d6h, T)" },
  { name: "required", description: "yes if the item gates go-live, no if optional (default yes)" },
  { name: "requires_evidence", description: "yes if a note or link is needed to mark it done (default no)" },
  { name: "status", description: "TODO, IN_PROGRESS, DONE, BLOCKED or NOT_APPLICABLE (default TODO)" },
  { name: "status_reason", description: "Why it is BLOCKED or NOT_APPLICABLE (needed for both)" },
  { name: "evidence_note", description: "What proves it is done" },
  { name: "evidence_links", description: "Links to evidence, separated by \" | \"" },
  { name: "predecessors", description: "Keys of items that must finish first, separated by \" | \"" },
] as const;

export type ColumnName = (typeof COLUMNS)[number]["name"];
export const COLUMN_NAMES: readonly ColumnName[] = COLUMNS.map((c) => c.name);

export const LIST_SEPARATOR = " | ";

/**
 * Spreadsheets run cells starting with = + - @ as formulas, so export prefixes those with an apostrophe
 * (and escapes an existing apostrophe before them) and import removes exactly one again.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export type CsvItem = {
  key: string;
  title: string;
  description: string;
  ownerEmail: string | null;
  dueAt: Date | null;
  dueOffsetMinutes: number | null;
  required: boolean;
  requiresEvidence: boolean;
  status: ItemStatus;
  statusReason: string | null;
  evidenceNote: string;
  evidenceLinks: string[];
  predecessorKeys: string[];
};

export type CsvSection = { title: string; items: (CsvItem & { row: number })[] };

export type CsvParseResult =
  | { ok: true; sections: CsvSection[] }
  | { ok: false; errors: { row: number; field?: string; message: string }[] };
