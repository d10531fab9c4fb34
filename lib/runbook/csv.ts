// CSV -> runbook plan. All or nothing: one bad row refuses the whole file, every problem listed with the
// row a spreadsheet shows (header = row 1) and its column. Cells go through the same schemas as the forms.
//
// Columns (header names, any order; only key, stream, title and duration_min are required):
//   key, stream, title, type, duration_min, fixed_start, critical, notes, links, assignee_emails, predecessors
// predecessors: "|"-separated keys, each "KEY" (finish-to-start), "KEY:SS", with an optional lag "KEY+10", "KEY:SS-5".
import Papa from "papaparse";
import type { z } from "zod";
import { linkSchema } from "@/lib/validation/text";
import { TASK_TYPES, type TaskType } from "./dto";
import { validateGraph } from "./graph";
import type { PlanInput } from "./plan-input";
import { durationSchema, instantSchema, MAX_TASK_LINKS, MAX_TASK_ASSIGNEES, RUNBOOK_MAX_DEPENDENCIES, RUNBOOK_MAX_TASKS, streamNameSchema, taskNotesSchema, taskTitleSchema } from "./schema";
import { parseRef } from "./templates/define";

export const RUNBOOK_CSV_COLUMNS = ["key", "stream", "title", "type", "duration_min", "fixed_start", "critical", "notes", "links", "assignee_emails", "predecessors"] as const;
type Column = (typeof RUNBOOK_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ["key", "stream", "title", "duration_min"];

export type CsvRowError = { row: number; field?: string; message: string };
export type RunbookCsvPlan = PlanInput & { assigneeEmails: Map<string, string[]>; /** key -> row number */ rows: Map<string, number> };
export type RunbookCsvResult = { ok: true; plan: RunbookCsvPlan } | { ok: false; errors: CsvRowError[] };

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);
const FORMULA = /^[=+\-@\t\r]/;

function list(cell: string) {
  return [...new Set(cell.split("|").map((s) => s.trim()).filter(Boolean))];
}

export function parseRunbookCsv(text: string): RunbookCsvResult {
  const clean = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"));
  const errors: CsvRowError[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: `The file is not valid CSV: ${e.message}.` }));
  for (const name of names) if (name && !(RUNBOOK_CSV_COLUMNS as readonly string[]).includes(name)) errors.push({ row: 1, field: name, message: `Unknown column “${name.slice(0, 40)}”: use ${RUNBOOK_CSV_COLUMNS.join(", ")}.` });
  for (const name of REQUIRED) if (!names.includes(name)) errors.push({ row: 1, field: name, message: `The column “${name}” is missing.` });
  if (errors.length) return { ok: false, errors };
  while (records.length && records[records.length - 1].every((cell) => !cell.trim())) records.pop();
  if (records.length > RUNBOOK_MAX_TASKS) return { ok: false, errors: [{ row: RUNBOOK_MAX_TASKS + 2, message: `The file has ${records.length} tasks; a runbook holds at most ${RUNBOOK_MAX_TASKS}.` }] };

  const streams: string[] = [];
  const tasks: PlanInput["tasks"] = [];
  const deps: (PlanInput["deps"][number] & { row: number })[] = [];
  const assigneeEmails = new Map<string, string[]>();
  const rowOfKey = new Map<string, number>();

  records.forEach((record, index) => {
    const row = index + 2;
    const fail = (message: string, field?: Column) => void errors.push({ row, field, message });
    if (record.every((cell) => !cell.trim())) return;
    if (record.length > names.length) return fail(`This row has ${record.length} cells but the header has ${names.length}; quote cells that contain commas.`);
    const cells = Object.fromEntries(RUNBOOK_CSV_COLUMNS.map((c) => [c, ""])) as Record<Column, string>;
    names.forEach((name, i) => {
      const raw = (record[i] ?? "").trim();
      cells[name as Column] = raw.startsWith("'") && FORMULA.test(raw.slice(1)) ? raw.slice(1) : raw;
    });
    const check = <S extends z.ZodType>(schema: S, column: Column, value: unknown = cells[column]): z.output<S> | undefined => {
      const r = schema.safeParse(value);
      if (r.success) return r.data;
      fail(`${r.error.issues[0].message}.`, column);
      return undefined;
    };
    const key = cells.key;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) fail("The key is missing or not letters, digits, “-” and “_” (up to 64).", "key");
    else if (rowOfKey.has(key)) fail(`Key “${key}” is already used on row ${rowOfKey.get(key)}.`, "key");
    else rowOfKey.set(key, row);
    const stream = check(streamNameSchema, "stream");
    const title = check(taskTitleSchema, "title");
    const durationMin = cells.duration_min === "" ? (fail("The duration is missing.", "duration_min"), undefined) : check(durationSchema, "duration_min");
    const typeRaw = cells.type.toUpperCase() || "NORMAL";
    const type = (TASK_TYPES as readonly string[]).includes(typeRaw) ? (typeRaw as TaskType) : (fail(`Unknown type “${cells.type.slice(0, 40)}”: use ${TASK_TYPES.join(", ")}.`, "type"), undefined);
    const fixed = cells.fixed_start ? check(instantSchema, "fixed_start") : null;
    const criticalRaw = cells.critical.toLowerCase();
    const critical = YES.has(criticalRaw) ? true : NO.has(criticalRaw) ? false : (fail(`“${cells.critical.slice(0, 40)}” is not yes or no.`, "critical"), undefined);
    const notes = check(taskNotesSchema, "notes");
    const links = list(cells.links);
    if (links.length > MAX_TASK_LINKS) fail(`At most ${MAX_TASK_LINKS} links.`, "links");
    for (const link of links) if (!linkSchema.safeParse(link).success) { fail(`“${link.slice(0, 60)}”: links must be full http(s) URLs.`, "links"); break; }
    const emails = list(cells.assignee_emails).map((e) => e.toLowerCase());
    if (emails.length > MAX_TASK_ASSIGNEES) fail(`At most ${MAX_TASK_ASSIGNEES} assignees.`, "assignee_emails");
    for (const ref of list(cells.predecessors)) {
      const r = parseRef(ref);
      if (!r) fail(`“${ref.slice(0, 60)}” is not a predecessor: write KEY, KEY:SS or KEY+10.`, "predecessors");
      else deps.push({ from: r.key, to: key, type: r.type, lagMin: r.lagMin, row });
    }
    if (stream === undefined || title === undefined || durationMin === undefined || type === undefined || fixed === undefined || critical === undefined || notes === undefined) return;
    if (!streams.includes(stream)) streams.push(stream);
    tasks.push({ key, stream, title, type, durationMin, fixedStart: fixed ? new Date(fixed) : null, critical, notes, links, assigneeIds: [] });
    if (emails.length) assigneeEmails.set(key, emails);
  });

  if (deps.length > RUNBOOK_MAX_DEPENDENCIES) errors.push({ row: 1, message: `The file has ${deps.length} dependencies; a runbook holds at most ${RUNBOOK_MAX_DEPENDENCIES}.` });
  for (const d of deps) {
    if (!rowOfKey.has(d.from)) errors.push({ row: d.row, field: "predecessors", message: `No task has the key “${d.from}”.` });
    if (d.from === d.to) errors.push({ row: d.row, field: "predecessors", message: "A task cannot depend on itself." });
  }
  if (!errors.length) {
    const graph = validateGraph(tasks.map((t) => ({ id: t.key, title: t.title, stream: t.stream, durationMin: t.durationMin })), deps);
    if (!graph.ok) errors.push({ row: graph.cycle ? (rowOfKey.get(graph.cycle[0]) ?? 1) : 1, field: "predecessors", message: graph.error });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, plan: { streams, tasks, deps: deps.map(({ row: _r, ...d }) => d), assigneeEmails, rows: rowOfKey } };
}
