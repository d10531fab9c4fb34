import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COLUMNS, exportChecklistCsv, MAX_CSV_ROWS, parseChecklistCsv, type CsvExportItem } from "./csv";
import { MAX_RELATIVE_DUE_MINUTES } from "./due";
import { ITEM_STATUSES, type SectionState } from "./types";

const HEADER = COLUMNS.map((c) => c.name).join(",");
const members = new Set(["Ann@Example.com", "bob@example.com"]);
const emailById = new Map([
  ["u1", "Ann@Example.com"],
  ["u2", "bob@example.com"],
]);

const parse = (rows: string[], header = HEADER) => parseChecklistCsv([header, ...rows].join("\n"), { memberEmails: members });
/** A data row from named cells, in COLUMNS order. */
const row = (cells: Partial<Record<(typeof COLUMNS)[number]["name"], string>>) =>
  COLUMNS.map((c) => cells[c.name] ?? "").join(",");

const item = (over: Partial<CsvExportItem>): CsvExportItem => ({
  id: "i1",
  key: "S1-1",
  sectionId: "s1",
  title: "Backup restore test",
  description: "",
  ownerId: null,
  dueAt: null,
  dueOffsetMinutes: null,
  required: true,
  requiresEvidence: false,
  status: "TODO",
  statusReason: null,
  evidenceNote: "",
  evidenceLinks: [],
  predecessorIds: [],
  ...over,
});

describe("COLUMNS", () => {
  it("documents every column in one line", () => {
    for (const c of COLUMNS) expect(c.description).toMatch(/^[^\n]{10,}$/);
  });
});

describe("exportChecklistCsv", () => {
  const sections: SectionState[] = [
    { id: "s2", title: "Final checks", position: 2 },
    { id: "s1", title: "Data migration", position: 1 },
    { id: "s3", title: "Post go-live", position: 3 },
  ];

  it("writes a BOM, a header, CRLF rows, and quotes what needs quoting", () => {
    const csv = exportChecklistCsv(
      sections,
      [
        item({ id: "a", key: "S1-1", title: "Copy, then verify", ownerId: "u1", dueOffsetMinutes: -2880, evidenceLinks: ["https://a", "https://b"] }),
        item({ id: "b", key: "S2-1", sectionId: "s2", title: 'Say "go"', description: "line 1\nline 2", predecessorIds: ["a", "gone"], status: "BLOCKED", statusReason: "Waiting" }),
      ],
      emailById,
    );
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain('S1-1,Data migration,"Copy, then verify",,Ann@Example.com,T-2d,yes,no,TODO,,,https://a | https://b,\r\n');
    expect(csv).toContain('S2-1,Final checks,"Say ""go""","line 1\nline 2",,,yes,no,BLOCKED,Waiting,,,S1-1\r\n');
    // The empty section is declared by a row with only its title.
    expect(csv.endsWith(",Post go-live,,,,,,,,,,,\r\n")).toBe(true);
  });

  it("neutralises spreadsheet formulas", () => {
    const csv = exportChecklistCsv(sections, [item({ title: "=HYPERLINK(\"http://evil\")", description: "-1+2" })], emailById);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")","'-1+2"`);
  });

  it("writes absolute dues in UTC, or with the launch zone's offset", () => {
    const dueAt = new Date("2026-07-01T08:00:00Z");
    expect(exportChecklistCsv(sections, [item({ dueAt })], emailById)).toContain(",2026-07-01T08:00:00.000Z,");
    const local = exportChecklistCsv(sections, [item({ dueAt })], emailById, { timeZone: "Europe/London" });
    expect(local).toContain(",2026-07-01T09:00:00+01:00,");
  });
});

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
    const broken = parseChecklistCsv('section,title\nS,"unclosed\n', { memberEmails: members });
    expect(broken.ok).toBe(false);
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

describe("round trip", () => {
  const nasty = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.constantFrom("a,b", '"quoted"', "line1\nline2", "crlf\r\nx", "cr\ronly", "=SUM(A1)", "'=x", "''+1", "-5%", "@cmd", "naïve “curly” ✓", "x,\"\n\",y"),
  ).map((s) => s.trim());
  const nonEmpty = nasty.filter((s) => s.length > 0);
  const listEntry = nonEmpty.map((s) => s.replace(/\|/g, "/").trim()).filter((s) => s.length > 0);

  const checklist = fc
    .record({
      sectionTitles: fc.uniqueArray(nonEmpty, { minLength: 1, maxLength: 4 }),
      keys: fc.uniqueArray(listEntry, { maxLength: 12 }),
      timeZone: fc.constantFrom(undefined, "Europe/London", "Asia/Kathmandu", "America/St_Johns"),
    })
    .chain(({ sectionTitles, keys, timeZone }) =>
      fc.record({
        timeZone: fc.constant(timeZone),
        sections: fc.constant(sectionTitles.map((title, i) => ({ id: `s${i}`, title, position: sectionTitles.length - i }))),
        items: fc.tuple(
          ...keys.map((key, index) =>
            fc
              .record({
                sectionIndex: fc.nat({ max: sectionTitles.length - 1 }),
                title: nonEmpty,
                description: nasty,
                ownerId: fc.constantFrom(null, "u1", "u2"),
                due: fc.oneof(
                  fc.constant(null),
                  fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
                  fc.integer({ min: -MAX_RELATIVE_DUE_MINUTES, max: MAX_RELATIVE_DUE_MINUTES }),
                ),
                required: fc.boolean(),
                requiresEvidence: fc.boolean(),
                status: fc.constantFrom(...ITEM_STATUSES),
                reason: nonEmpty,
                keepReason: fc.boolean(),
                evidenceNote: nasty,
                evidenceLinks: fc.uniqueArray(listEntry, { maxLength: 3 }),
                predecessors: fc.uniqueArray(fc.nat({ max: Math.max(index - 1, 0) }), { maxLength: index === 0 ? 0 : 3 }),
              })
              .map((x): CsvExportItem => ({
                id: `i${index}`,
                key,
                sectionId: `s${x.sectionIndex}`,
                title: x.title,
                description: x.description,
                ownerId: x.ownerId,
                dueAt: x.due instanceof Date ? x.due : null,
                dueOffsetMinutes: typeof x.due === "number" ? x.due : null,
                required: x.required,
                requiresEvidence: x.requiresEvidence,
                status: x.status,
                statusReason: x.status === "BLOCKED" || x.status === "NOT_APPLICABLE" || x.keepReason ? x.reason : null,
                evidenceNote: x.evidenceNote,
                evidenceLinks: x.evidenceLinks,
                predecessorIds: x.predecessors.map((p) => `i${p}`),
              })),
          ),
        ),
      }),
    );

  it("export then parse keeps everything", () => {
    fc.assert(
      fc.property(checklist, ({ sections, items, timeZone }) => {
        const csv = exportChecklistCsv(sections, items, emailById, { timeZone });
        const result = parseChecklistCsv(csv, { memberEmails: members });
        const expected = [...sections]
          .sort((a, b) => a.position - b.position)
          .map((s) => ({
            title: s.title,
            items: items
              .filter((i) => i.sectionId === s.id)
              .map((i) => ({
                key: i.key,
                title: i.title,
                description: i.description,
                ownerEmail: i.ownerId ? emailById.get(i.ownerId) : null,
                dueAt: i.dueAt,
                dueOffsetMinutes: i.dueOffsetMinutes,
                required: i.required,
                requiresEvidence: i.requiresEvidence,
                status: i.status,
                statusReason: i.statusReason,
                evidenceNote: i.evidenceNote,
                evidenceLinks: i.evidenceLinks,
                predecessorKeys: i.predecessorIds.map((id) => items[Number(id.slice(1))].key),
              })),
          }));
        expect(result.ok, JSON.stringify(result)).toBe(true);
        if (!result.ok) return;
        const actual = result.sections.map((s) => ({ title: s.title, items: s.items.map(({ row: _row, ...rest }) => rest) }));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
