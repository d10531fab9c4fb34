import { describe, expect, it } from "vitest";
import { COLUMN_NAMES, FORMULA_START, unescapeFormula } from "./csv-columns";

/** What export does to a cell, for checking that import undoes exactly that. */
const escape = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);

describe("formula escaping", () => {
  it.each(["=SUM(A1)", "+1", "-5%", "@cmd", "\tx", "'=x", "''+1", "'quoted'", "plain", "", "'"])(
    "round-trips %j",
    (cell) => {
      expect(unescapeFormula(escape(cell))).toBe(cell);
    },
  );

  it("leaves ordinary apostrophes alone on import", () => {
    expect(unescapeFormula("'tis done")).toBe("'tis done");
    expect(unescapeFormula("=raw")).toBe("=raw");
  });
});

describe("COLUMN_NAMES", () => {
  it("starts with key, section, title", () => {
    expect(COLUMN_NAMES.slice(0, 3)).toEqual(["key", "section", "title"]);
  });
});
