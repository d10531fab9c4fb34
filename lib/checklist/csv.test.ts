// The format's promise: whatever Liftoff exports, it imports back unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasControlCharacter, isSafeHttpUrl } from "@/lib/validation/text";
import { COLUMNS, exportChecklistCsv, parseChecklistCsv, type CsvExportItem } from "./csv";
import { MAX_RELATIVE_DUE_MINUTES } from "./due";
import { ITEM_STATUSES } from "./types";

const members = new Set(["Ann@Example.com", "bob@example.com"]);
const emailById = new Map([
  ["u1", "Ann@Example.com"],
  ["u2", "bob@example.com"],
]);

describe("COLUMNS", () => {
  it("documents every column in one line", () => {
    for (const c of COLUMNS) expect(c.description).toMatch(/^[^\n]{10,}$/);
  });
});

describe("round trip", () => {
  const nasty = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.constantFrom("a,b", '"quoted"', "line1\nline2", "crlf\r\nx", "cr\ronly", "=SUM(A1)", "'=x", "''+1", "-5%", "@cmd", "naïve “curly” ✓", "x,\"\n\",y"),
  ).map((s) => s.replace(/\r\n?/g, "\n").trim());
  // Only what the forms' schemas let in can be stored, so only that is exported: multi-line text keeps
  // \n and \t (CRLF is normalised on input), single-line text has no control character at all.
  const strip = (s: string, multiline: boolean) => [...s].filter((c) => !hasControlCharacter(c, { multiline })).join("").trim();
  const multiline = nasty.map((s) => strip(s, true));
  const nonEmpty = nasty.map((s) => strip(s, false)).filter((s) => s.length > 0);
  // fc.webUrl() is slow (tens of ms per value); links need only be valid http(s) URLs with varied paths.
  const link = fc
    .tuple(fc.constantFrom("https://", "http://", "HTTPS://"), fc.constantFrom("ci.example.com", "10.0.0.1:8080", "xn--bcher-kva.example"), nasty)
    .map(([scheme, host, path]) => `${scheme}${host}/${encodeURIComponent(path)}`)
    .filter(isSafeHttpUrl);
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
                description: multiline,
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
                evidenceNote: multiline,
                evidenceLinks: fc.uniqueArray(link, { maxLength: 3 }),
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

  // 300 checklists, each row checked by the forms' schemas: a few seconds, more on a loaded machine.
  it("export then parse keeps everything", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(checklist, ({ sections, items, timeZone }) => {
        const csv = exportChecklistCsv(sections, items, emailById, { timeZone });
        const result = parseChecklistCsv(csv, { memberEmails: members });
        const ordered = [...sections].sort((a, b) => a.position - b.position);
        // Predecessors come back in the order of their rows in the file.
        const rows = ordered.flatMap((s) => items.filter((i) => i.sectionId === s.id).map((i) => i.id));
        const expected = ordered
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
                predecessorKeys: [...i.predecessorIds].sort((a, b) => rows.indexOf(a) - rows.indexOf(b)).map((id) => items[Number(id.slice(1))].key),
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
