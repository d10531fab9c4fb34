import { describe, expect, it } from "vitest";
import { COLUMNS } from "./csv-columns";
import { MAX_CSV_ROWS, parseChecklistCsv } from "./csv-parse";

const HEADER = COLUMNS.map((c) => c.name).join(",");
const members = new Set(["Ann@Example.com", "bob@example.com"]);

const parse = (rows: string[], header = HEADER) =>
  parseChecklistCsv([header, ...rows].join("\n"), { memberEmails: members });
/** A data row from named cells, in COLUMNS order. */
const row = (cells: Partial<Record<(typeof COLUMNS)[number]["name"], string>>) =>
  COLUMNS.map((c) => cells[c.name] ?? "").join(",");

describe("parseChecklistCsv", () => {
  it("reads quotes, commas, newlines, a BOM and CRLF", () => {
    const text = `\uFEFF${HEADER}\r\nK1,Data,"Copy, ""then"" verify","a\r\nb",ann@example.com,T-1d 6h,no,yes,in progress,,,x | y | x,\r\n`;
    const result = parseChecklistCsv(text, { memberEmails: members });
    expect(result).toEqual({
      ok: true,
      sections: [
        {
          title: "Data",
          items: [
            {
              row: 2,
              key: "K1",
              title: 'Copy, "then" verify',
              description: "a\r\nb",
              ownerEmail: "Ann@Example.com",
              dueAt: null,
              dueOffsetMinutes: -1800,
              required: false,
              requiresEvidence: true,
              status: "IN_PROGRESS",
              statusReason: null,
              evidenceNote: "",
              evidenceLinks: ["x", "y"],
              predecessorKeys: [],
            },
          ],
        },
      ],
    });
  });

  it("accepts columns in any order and case, only section and title being needed", () => {
    const result = parseChecklistCsv("Title,Section\nSmoke test,Final\n", { memberEmails: members });
    expect(result.ok && result.sections[0].items[0]).toMatchObject({ key: "#2", title: "Smoke test", required: true, status: "TODO" });
  });

  it("keeps spreadsheet row numbers across blank lines and multi-line cells", () => {
    const result = parse([row({ section: "A", title: "one", description: '"x\ny"' }), "", row({ section: "A" }), row({ section: "A", status: "nope", title: "t" })]);
    expect(result).toEqual({ ok: false, errors: [{ row: 5, message: expect.stringContaining("Unknown status “nope”") }] });
  });

  it("refuses the whole file, listing every bad row", () => {
    const result = parse([
      row({ key: "a", section: "S", title: "Alpha" }),
      row({ key: "b", section: "S" , description: "no title" }),
      row({ key: "c", section: "S", title: "C", status: "BLOCKED" }),
      row({ key: "d", section: "S", title: "D", status: "n/a" }),
      row({ key: "a", section: "S", title: "Dup" }),
      row({ key: "e", section: "S", title: "E", owner_email: "eve@example.com" }),
      row({ key: "f", section: "S", title: "F", due: "tomorrow" }),
      row({ key: "g", section: "S", title: "G", predecessors: "a | zz" }),
      row({ key: "h", section: "S", title: "H", required: "maybe" }),
      row({ title: "No section" }),
      row({ key: "x|y", section: "S", title: "Pipe" }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const text = result.errors.map((e) => `${e.row}: ${e.message}`).join("\n");
    expect(text).toContain("3: The title is missing.");
    expect(text).toContain("4: BLOCKED needs a status_reason");
    expect(text).toContain("5: NOT_APPLICABLE needs a status_reason");
    expect(text).toContain("6: Key “a” is already used on row 2.");
    expect(text).toContain("7: eve@example.com is not a member of this launch");
    expect(text).toContain("8: Due “tomorrow” is not a date and time");
    expect(text).toContain("9: Unknown predecessor “zz”");
    expect(text).toContain("10: “maybe” in required is not yes or no.");
    expect(text).toContain("11: The section is missing.");
    expect(text).toContain("12: Key “x|y” may not contain “|”.");
  });

  it("names a cycle among predecessors, including a self-dependency", () => {
    const cycle = parse([
      row({ key: "a", section: "S", title: "Deploy", predecessors: "c" }),
      row({ key: "b", section: "S", title: "Smoke test", predecessors: "a" }),
      row({ key: "c", section: "S", title: "Announce", predecessors: "b" }),
    ]);
    expect(cycle).toMatchObject({ ok: false, errors: [{ row: expect.any(Number) }] });
    if (!cycle.ok) {
      expect(cycle.errors).toHaveLength(1);
      // The cycle may start anywhere along it; each link must be named in the order work flows.
      for (const link of ["“Deploy” → “Smoke test”", "“Smoke test” → “Announce”", "“Announce” → “Deploy”"])
        expect(cycle.errors[0].message).toContain(link);
    }
    const self = parse([row({ key: "a", section: "S", title: "Deploy", predecessors: "a" })]);
    expect(self).toMatchObject({ ok: false, errors: [{ row: 2, message: expect.stringContaining("“Deploy” → “Deploy”") }] });
  });

  it("checks the header", () => {
    expect(parseChecklistCsv("", { memberEmails: members })).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    expect(parse([], "section,title,colour")).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringContaining("Unknown column “colour”") }] });
    expect(parse([], "section,title,title")).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringContaining("more than once") }] });
    expect(parse([], "section,description")).toMatchObject({ ok: false, errors: [{ row: 1, message: "Missing column “title”." }] });
    // Trailing commas in the header are harmless.
    expect(parse(["S,T,,"], "section,title,,")).toMatchObject({ ok: true });
    expect(parse([], "section,title")).toEqual({ ok: true, sections: [] });
  });

  it("refuses rows with more cells than the header, and broken quoting", () => {
    expect(parse(["S,T,extra"], "section,title")).toMatchObject({ ok: false, errors: [{ row: 2, message: expect.stringContaining("3 cells") }] });
    const broken = parseChecklistCsv('section,title\nS,T\nS,"unclosed\nmore', { memberEmails: members });
    expect(broken).toEqual({ ok: false, errors: [{ row: 3, message: "The file is not valid CSV: Quoted field unterminated." }] });
  });

  it("reads files saved with semicolons or tabs", () => {
    for (const d of [";", "\t"]) {
      const result = parseChecklistCsv(`section${d}title${d}description\nS${d}T${d}"a, b; c"\n`, { memberEmails: members });
      expect(result.ok && result.sections[0].items[0].description).toBe("a, b; c");
    }
  });

  it("limits the number of rows", () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `S,Item ${i}`);
    expect(parse(rows, "section,title")).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("limit") }] });
  });

  it("reads status aliases and yes/no spellings", () => {
    const result = parse([
      row({ section: "S", title: "A", status: "not applicable", status_reason: "No DB", required: "N", requires_evidence: "TRUE" }),
      row({ section: "S", title: "B", status: "done", required: "1" }),
    ]);
    expect(result.ok && result.sections[0].items.map((i) => [i.status, i.required, i.requiresEvidence])).toEqual([
      ["NOT_APPLICABLE", false, true],
      ["DONE", true, false],
    ]);
  });
});
