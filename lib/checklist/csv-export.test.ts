import { describe, expect, it } from "vitest";
import { COLUMNS } from "./csv-columns";
import { exportChecklistCsv, type CsvExportItem } from "./csv-export";
import type { SectionState } from "./types";

const HEADER = COLUMNS.map((c) => c.name).join(",");
const emailById = new Map([
  ["u1", "Ann@Example.com"],
  ["u2", "bob@example.com"],
]);

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

  it("writes predecessors in the order of their rows, whatever order they were read in", () => {
    const rows = [
      item({ id: "a", key: "S1-1" }),
      item({ id: "b", key: "S1-2" }),
      item({ id: "c", key: "S2-1", sectionId: "s2", predecessorIds: ["b", "gone", "a"] }),
      item({ id: "d", key: "S2-2", sectionId: "s2", predecessorIds: ["c", "a", "b"] }),
    ];
    const csv = exportChecklistCsv(sections, rows, emailById);
    expect(csv).toContain(",S1-1 | S1-2\r\n");
    expect(csv).toContain(",S1-1 | S1-2 | S2-1\r\n");
  });

  it("neutralises spreadsheet formulas", () => {
    const csv = exportChecklistCsv(sections, [item({ title: "=HYPERLINK(\"http://evil\")", description: "-1+2" })], emailById);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")","'-1+2"`);
  });

  // Every character a spreadsheet reads as the start of a formula, written out literally: these expectations
  // must not be derived from the export's own pattern, or they change along with it.
  const rowOf = (over: Partial<CsvExportItem>) =>
    exportChecklistCsv(sections, [item(over)], emailById)
      .split("\r\n")
      .find((line) => line.startsWith("S1-1,"));

  it.each([
    ["=", "=1+1", `"'=1+1"`],
    ["+", "+1", `"'+1"`],
    ["-", "-1", `"'-1"`],
    ["@", "@SUM(A1)", `"'@SUM(A1)"`],
    ["a tab", "\tcmd", `"'\tcmd"`],
    ["a carriage return", "\rcmd", `"'\rcmd"`],
    ["an apostrophe then =", "'=x", `"''=x"`],
    ["apostrophes then @", "''@x", `"'''@x"`],
  ])("prefixes a cell starting with %s by an apostrophe", (_name, title, cell) => {
    expect(rowOf({ title })).toBe(`S1-1,Data migration,${cell},,,,yes,no,TODO,,,,`);
  });

  it.each([
    ["an inner =", "a=b"],
    ["an apostrophe", "'tis done"],
    ["a percent sign", "%x"],
    ["a pipe", "|x"],
  ])("leaves a cell with %s as it is", (_name, title) => {
    expect(rowOf({ title })).toBe(`S1-1,Data migration,${title},,,,yes,no,TODO,,,,`);
  });

  it("escapes every text column, not only the title", () => {
    const row = rowOf({ description: "@d", evidenceNote: "-n", statusReason: "+r" });
    expect(row).toContain(`"'@d"`);
    expect(row).toContain(`"'-n"`);
    expect(row).toContain(`"'+r"`);
  });

  it("writes absolute dues in UTC, or with the launch zone's offset", () => {
    const dueAt = new Date("2026-07-01T08:00:00Z");
    expect(exportChecklistCsv(sections, [item({ dueAt })], emailById)).toContain(",2026-07-01T08:00:00.000Z,");
    const local = exportChecklistCsv(sections, [item({ dueAt })], emailById, { timeZone: "Europe/London" });
    expect(local).toContain(",2026-07-01T09:00:00+01:00,");
  });
});
