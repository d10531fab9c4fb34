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
    const text = `\uFEFF${HEADER}\r\nK1,Data,"Copy, ""then"" verify","a\r\nb",ann@example.com,T-1d 6h,no,yes,in progress,,,https://x.example | https://y.example | https://x.example,\r\n`;
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
              description: "a\nb",
              ownerEmail: "Ann@Example.com",
              dueAt: null,
              dueOffsetMinutes: -1800,
              required: false,
              requiresEvidence: true,
              status: "IN_PROGRESS",
              statusReason: null,
              evidenceNote: "",
              evidenceLinks: ["https://x.example", "https://y.example"],
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
    expect(result).toEqual({ ok: false, errors: [{ row: 5, field: "status", message: expect.stringContaining("Unknown status “nope”") }] });
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
    const text = result.errors.map((e) => `${e.row}, ${e.field}: ${e.message}`).join("\n");
    expect(text).toContain("3, title: The title is missing.");
    expect(text).toContain("4, status_reason: BLOCKED needs a status_reason");
    expect(text).toContain("5, status_reason: NOT_APPLICABLE needs a status_reason");
    expect(text).toContain("6, key: Key “a” is already used on row 2.");
    expect(text).toContain("7, owner_email: eve@example.com is not a member of this launch");
    expect(text).toContain("8, due: Due “tomorrow” is not a date and time");
    expect(text).toContain("9, predecessors: Unknown predecessor “zz”");
    expect(text).toContain("10, required: “maybe” is not yes or no.");
    expect(text).toContain("11, section: The section is missing.");
    expect(text).toContain("12, key: Key “x|y” may not contain “|”.");
  });

  it("checks every cell with the forms' schemas and names the row and the column", () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://ci.example.com/${i}`).join(" | ");
    const keys = Array.from({ length: 51 }, (_, i) => `k${i}`);
    const result = parse([
      row({ section: "S", title: "x".repeat(201) }),
      row({ section: "S", title: "Cut\u0000over" }),
      row({ section: "S", title: "T", description: "d".repeat(4001) }),
      row({ section: "S", title: "T", evidence_links: "javascript:alert(1)" }),
      row({ section: "S", title: "T", evidence_links: `"https://ok.example | data:text/html,x"` }),
      row({ section: "S", title: "T", evidence_links: links(21) }),
      row({ section: "S", title: "T", predecessors: keys.join(" | ") }),
      row({ section: "S".repeat(201), title: "T" }),
      row({ section: "S", title: "T", evidence_note: "bell\u0007" }),
      row({ section: "S", title: "T", status: "BLOCKED", status_reason: "r".repeat(1001) }),
      row({ section: "S", title: "T", key: "k".repeat(65) }),
    ]);
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.errors.map((e) => `${e.row}, ${e.field}: ${e.message}`);
    expect(found).toEqual([
      "2, title: Keep the title under 200 characters.",
      "3, title: The title contains a control character.",
      "4, description: Keep the description under 4000 characters.",
      "5, evidence_links: “javascript:alert(1)”: Links must be full http(s) URLs, such as https://ci.example.com/run/42.",
      "6, evidence_links: “data:text/html,x”: Links must be full http(s) URLs, such as https://ci.example.com/run/42.",
      "7, evidence_links: At most 20 links; this row has 21.",
      "8, predecessors: At most 50 predecessors; this row has 51.",
      "9, section: Keep the title under 200 characters.",
      "10, evidence_note: The note contains a control character.",
      "11, status_reason: Keep the reason under 1000 characters.",
      "12, key: Keep keys under 64 characters.",
    ]);
  });

  it("keeps quoted cells in messages short and free of control characters", () => {
    const result = parse([row({ section: "S", title: "T", status: `\u001b[31m${"x".repeat(5000)}` })]);
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.errors[0].message;
    expect(message.length).toBeLessThan(200);
    expect(message).not.toMatch(/\u001b/);
  });

  it("refuses more rows than the limit", () => {
    const result = parse(Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => row({ section: "S", title: `T${i}` })));
    expect(result).toMatchObject({ ok: false, errors: [{ message: `The file has ${MAX_CSV_ROWS + 1} rows; the limit is ${MAX_CSV_ROWS}.` }] });
  });

  it("names a cycle among predecessors, including a self-dependency", () => {
    const cycle = parse([
      row({ key: "a", section: "S", title: "Deploy", predecessors: "c" }),
      row({ key: "b", section: "S", title: "Smoke test", predecessors: "a" }),
      row({ key: "c", section: "S", title: "Announce", predecessors: "b" }),
    ]);
    // The cycle may start anywhere along it; each link must be named in the order work flows.
    const links = ["“Deploy” → “Smoke test”", "“Smoke test” → “Announce”", "“Announce” → “Deploy”"];
    expect(cycle).toMatchObject({ ok: false, errors: [{ row: expect.any(Number), message: expect.stringMatching(new RegExp(links.map((l) => `(?=.*${l})`).join(""))) }] });
    expect(cycle).toMatchObject({ errors: { length: 1 } });
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
