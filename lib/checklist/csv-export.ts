// Checklist -> CSV. The output opens cleanly in Excel, Numbers and Google Sheets and imports back unchanged.

import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import Papa from "papaparse";
import { COLUMN_NAMES, FORMULA_START, LIST_SEPARATOR, type ColumnName } from "./csv-columns";
import { formatRelativeDue } from "./due";
import type { ItemState, SectionState } from "./types";

export type CsvExportItem = Omit<ItemState, "dueAt"> & {
  /** Stable short key, e.g. "S1-3" or the id; predecessors are written as keys. */
  key: string;
  description: string;
  /** The stored due, not the resolved one: absolute, or an offset from the window. */
  dueAt: Date | null;
  dueOffsetMinutes: number | null;
};

/** ISO 8601 with the offset of `timeZone` (UTC by default); milliseconds only when there are some. */
function formatInstant(at: Date, timeZone: string | undefined): string {
  if (!timeZone) return at.toISOString();
  const pattern = at.getUTCMilliseconds() ? "yyyy-MM-dd'T'HH:mm:ss.SSSxxx" : "yyyy-MM-dd'T'HH:mm:ssxxx";
  return format(new TZDate(at.getTime(), timeZone), pattern);
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

/**
 * Sections in position order, items in the order given. Predecessors are written in the order their rows
 * appear in the file (the database keeps no order among them), and those outside `items` are left out:
 * the file could not name them. The BOM makes Excel read the file as UTF-8 (curly quotes, accents).
 */
export function exportChecklistCsv(
  sections: readonly SectionState[],
  items: readonly CsvExportItem[],
  ownerEmailById: ReadonlyMap<string, string>,
  options: { timeZone?: string } = {},
): string {
  const keyById = new Map(items.map((i) => [i.id, i.key]));
  const ordered = [...sections]
    .sort((a, b) => a.position - b.position)
    .map((section) => ({ section, own: items.filter((i) => i.sectionId === section.id) }));
  const rowOf = new Map(ordered.flatMap(({ own }) => own).map((item, row) => [item.id, row]));
  const rows: string[][] = [];

  for (const { section, own } of ordered) {
    if (own.length === 0) {
      rows.push(COLUMN_NAMES.map((c) => (c === "section" ? section.title : "")));
      continue;
    }
    for (const item of own) {
      const cells: Record<ColumnName, string> = {
        key: item.key,
        section: section.title,
        title: item.title,
        description: item.description,
        owner_email: (item.ownerId && ownerEmailById.get(item.ownerId)) || "",
        due:
          item.dueOffsetMinutes !== null
            ? formatRelativeDue(item.dueOffsetMinutes)
            : item.dueAt
              ? formatInstant(item.dueAt, options.timeZone)
              : "",
        required: yesNo(item.required),
        requires_evidence: yesNo(item.requiresEvidence),
        status: item.status,
        status_reason: item.statusReason ?? "",
        evidence_note: item.evidenceNote,
        evidence_links: item.evidenceLinks.join(LIST_SEPARATOR),
        predecessors: item.predecessorIds
          .filter((id) => rowOf.has(id))
          .sort((a, b) => rowOf.get(a)! - rowOf.get(b)!)
          .map((id) => keyById.get(id)!)
          .join(LIST_SEPARATOR),
      };
      rows.push(COLUMN_NAMES.map((c) => cells[c]));
    }
  }

  const body = Papa.unparse({ fields: [...COLUMN_NAMES], data: rows }, { newline: "\r\n", escapeFormulae: FORMULA_START });
  return `\uFEFF${body}\r\n`;
}
