// CSV -> checklist. All or nothing: one bad row refuses the whole file, and every problem is listed with
// the row number a spreadsheet shows (the header is row 1), so the user fixes the file in one pass.

import Papa from "papaparse";
import type { z } from "zod";
import { linkSchema, textSchema } from "@/lib/validation/text";
import {
  descriptionSchema,
  evidenceNoteSchema,
  MAX_EVIDENCE_LINKS,
  MAX_PREDECESSORS,
  reasonSchema,
  titleSchema,
} from "./checklist.schema";
import {
  COLUMN_NAMES,
  unescapeFormula,
  type ColumnName,
  type CsvItem,
  type CsvParseResult,
  type CsvSection,
} from "./csv-columns";
import { parseCsvDue } from "./csv-values";
import { describeCycle, findCycle } from "./dag";
import { quoteList } from "./quote-list";
import { isItemStatus, ITEM_STATUSES, type ItemStatus } from "./types";

export { MAX_CSV_ROWS } from "./csv-limits";
import { MAX_CSV_ROWS } from "./csv-limits";

type RowError = { row: number; field?: string; message: string };
type Cells = Record<ColumnName, string>;

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0"]);
const STATUS_ALIASES: Record<string, ItemStatus> = { "N/A": "NOT_APPLICABLE", NA: "NOT_APPLICABLE", OPEN: "TODO" };

function splitList(cell: string): string[] {
  return [...new Set(cell.split("|").map((s) => s.trim()).filter(Boolean))];
}

/** A cell quoted in a message: bounded, with control characters made visible, so errors stay readable. */
function show(cell: string): string {
  const visible = cell.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

const keySchema = textSchema({ max: 64, label: "The key", tooLong: "Keep keys under 64 characters" });
const shortCell = textSchema({ max: 254, label: "The cell", tooLong: "Keep it under 254 characters" });

/** The same schema the form uses for this field; the first problem is reported against the column. */
function checkCell<S extends z.ZodType<string, string>>(schema: S, cells: Cells, column: ColumnName, fail: (m: string, f: string) => void): boolean {
  const result = schema.safeParse(cells[column]);
  if (result.success) cells[column] = result.data;
  else fail(`${result.error.issues[0].message}.`, column);
  return result.success;
}

function checkList(cells: Cells, column: "evidence_links" | "predecessors", fail: (m: string, f: string) => void): string[] {
  const values = splitList(cells[column]);
  const [max, item] = column === "evidence_links" ? [MAX_EVIDENCE_LINKS, linkSchema] : [MAX_PREDECESSORS, keySchema];
  if (values.length > max) fail(`At most ${max} ${column === "evidence_links" ? "links" : "predecessors"}; this row has ${values.length}.`, column);
  for (const value of values) {
    const result = item.safeParse(value);
    if (!result.success) {
      fail(`“${show(value)}”: ${result.error.issues[0].message}.`, column);
      break;
    }
  }
  return values;
}

function parseRow(cells: Cells, row: number, emails: Map<string, string>, errors: RowError[]): CsvItem | null {
  const fail = (message: string, field?: string) => errors.push({ row, field, message });
  const before = errors.length;

  const title = cells.title;
  if (!title) fail("The title is missing.", "title");
  else checkCell(titleSchema, cells, "title", fail);
  checkCell(descriptionSchema, cells, "description", fail);
  checkCell(reasonSchema, cells, "status_reason", fail);
  checkCell(evidenceNoteSchema, cells, "evidence_note", fail);
  for (const column of ["owner_email", "due", "required", "requires_evidence", "status"] as const) checkCell(shortCell, cells, column, fail);
  const evidenceLinks = checkList(cells, "evidence_links", fail);
  const predecessorKeys = checkList(cells, "predecessors", fail);

  const flag = (column: "required" | "requires_evidence", fallback: boolean) => {
    const value = cells[column].toLowerCase();
    if (!value) return fallback;
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    fail(`“${show(cells[column])}” is not yes or no.`, column);
    return fallback;
  };
  const required = flag("required", true);
  const requiresEvidence = flag("requires_evidence", false);

  const rawStatus = cells.status.toUpperCase().replace(/[\s-]+/g, "_");
  const status = !rawStatus ? "TODO" : (STATUS_ALIASES[rawStatus] ?? (isItemStatus(rawStatus) ? rawStatus : null));
  if (!status) fail(`Unknown status “${show(cells.status)}”: use ${ITEM_STATUSES.join(", ")}.`, "status");

  const statusReason = cells.status_reason || null;
  if (status === "BLOCKED" && !statusReason) fail("BLOCKED needs a status_reason saying what blocks it.", "status_reason");
  if (status === "NOT_APPLICABLE" && !statusReason) fail("NOT_APPLICABLE needs a status_reason saying why.", "status_reason");

  let ownerEmail: string | null = null;
  if (cells.owner_email) {
    ownerEmail = emails.get(cells.owner_email.toLowerCase()) ?? null;
    if (!ownerEmail) fail(`${show(cells.owner_email)} is not a member of this launch; add them first or leave it blank.`, "owner_email");
  }

  const due = parseCsvDue(cells.due);
  if ("error" in due) fail(due.error, "due");

  if (errors.length > before) return null;
  return {
    key: cells.key,
    title,
    description: cells.description,
    ownerEmail,
    dueAt: "dueAt" in due ? due.dueAt : null,
    dueOffsetMinutes: "dueOffsetMinutes" in due ? due.dueOffsetMinutes : null,
    required,
    requiresEvidence,
    status: status!,
    statusReason,
    evidenceNote: cells.evidence_note,
    evidenceLinks,
    predecessorKeys,
  };
}

/**
 * Papa's own delimiter guess looks at the data and is fooled by commas inside cells, so guess from the
 * header alone: column names contain none of these, and European spreadsheets save with ";".
 */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function checkHeader(names: string[]): RowError[] {
  const fail = (message: string) => [{ row: 1, message }];
  if (names.every((n) => !n)) {
    return fail("The file is empty: the first row must name the columns, at least section and title.");
  }
  // Blank header cells come from stray trailing commas; their columns are ignored.
  const unknown = names.filter((n) => n && !(COLUMN_NAMES as readonly string[]).includes(n));
  const duplicated = names.filter((n, i) => n && names.indexOf(n) !== i);
  const missing = (["section", "title"] as const).filter((n) => !names.includes(n));
  return [
    ...(unknown.length ? fail(`Unknown column ${quoteList(unknown, 5)}: the columns are ${COLUMN_NAMES.join(", ")}.`) : []),
    ...(duplicated.length ? fail(`Column ${quoteList(duplicated, 5)} appears more than once.`) : []),
    ...(missing.length ? fail(`Missing column ${quoteList(missing)}.`) : []),
  ];
}

function checkPredecessors(rows: (CsvItem & { row: number })[], rowByKey: Map<string, number>): RowError[] {
  const errors: RowError[] = [];
  for (const item of rows) {
    const unknown = item.predecessorKeys.filter((k) => !rowByKey.has(k));
    if (unknown.length) errors.push({ row: item.row, field: "predecessors", message: `Unknown predecessor ${quoteList(unknown.map(show))}: no row has that key.` });
  }
  const edges = rows.flatMap((i) =>
    i.predecessorKeys.filter((k) => rowByKey.has(k)).map((k) => ({ itemId: i.key, predecessorId: k })),
  );
  const cycle = findCycle(edges);
  if (cycle) {
    const chain = describeCycle(cycle, new Map(rows.map((i) => [i.key, i.title])));
    errors.push({ row: rowByKey.get(cycle[0])!, field: "predecessors", message: `Predecessors form a cycle, so none of these could ever finish: ${chain}.` });
  }
  return errors;
}

export function parseChecklistCsv(text: string, options: { memberEmails: ReadonlySet<string> }): CsvParseResult {
  const clean = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(clean) });
  const [header = [], ...records] = parsed.data;
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const errors: RowError[] = [
    ...parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: `The file is not valid CSV: ${e.message}.` })),
    ...checkHeader(names),
  ];
  if (errors.length) return { ok: false, errors };
  if (records.length > MAX_CSV_ROWS) {
    const message = `The file has ${records.length} rows; the limit is ${MAX_CSV_ROWS}.`;
    return { ok: false, errors: [{ row: MAX_CSV_ROWS + 2, message }] };
  }

  const emails = new Map([...options.memberEmails].map((e) => [e.toLowerCase(), e]));
  const sections = new Map<string, CsvSection>();
  const rowByKey = new Map<string, number>();
  const rows: (CsvItem & { row: number })[] = [];

  records.forEach((record, index) => {
    const row = index + 2;
    const fail = (message: string, field?: string) => void errors.push({ row, field, message });
    if (record.every((cell) => !cell.trim())) return;
    if (record.length > names.length) {
      return fail(`This row has ${record.length} cells but the header has ${names.length}; quote cells that contain commas.`);
    }
    const cells = Object.fromEntries(COLUMN_NAMES.map((c) => [c, ""])) as Cells;
    names.forEach((name, i) => {
      if (name) cells[name as ColumnName] = unescapeFormula(record[i] ?? "").trim();
    });

    if (!cells.section) return fail("The section is missing.", "section");
    if (!checkCell(titleSchema, cells, "section", fail)) return;
    const section = sections.get(cells.section) ?? { title: cells.section, items: [] };
    sections.set(cells.section, section);
    // A row naming only its section declares an empty section.
    if (COLUMN_NAMES.every((c) => c === "section" || !cells[c])) return;

    cells.key ||= `#${row}`;
    if (!checkCell(keySchema, cells, "key", fail)) return;
    if (cells.key.includes("|")) fail(`Key “${show(cells.key)}” may not contain “|”.`, "key");
    const seen = rowByKey.get(cells.key);
    if (seen !== undefined) fail(`Key “${show(cells.key)}” is already used on row ${seen}.`, "key");
    else rowByKey.set(cells.key, row);

    const parsedItem = parseRow(cells, row, emails, errors);
    if (parsedItem) {
      const item = { ...parsedItem, row };
      section.items.push(item);
      rows.push(item);
    }
  });

  errors.push(...checkPredecessors(rows, rowByKey));
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, sections: [...sections.values()] };
}
