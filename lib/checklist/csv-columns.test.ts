import { describe, expect, it } from "vitest";
import { COLUMN_NAMES, FORMULA_START, unescapeFormula } from "./csv-columns";

describe("formula escaping", () => {
  // Literal pairs (cell as exported -> cell as typed), not derived from FORMULA_START.
  it.each([
    ["'=SUM(A1)", "=SUM(A1)"],
    ["'+1", "+1"],
    ["'-5%", "-5%"],
    ["'@cmd", "@cmd"],
    ["'\tx", "\tx"],
    ["'\rx", "\rx"],
    ["''=x", "'=x"],
    ["'''+1", "''+1"],
    ["'quoted'", "'quoted'"],
    ["plain", "plain"],
    ["", ""],
    ["'", "'"],
  ])("import reads %j back as %j", (exported, typed) => {
    expect(unescapeFormula(exported)).toBe(typed);
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("FORMULA_START matches a cell starting with %j", (start) => {
    expect(FORMULA_START.test(`${start}x`)).toBe(true);
    expect(FORMULA_START.test(`'${start}x`)).toBe(true);
  });

  it.each(["x", "a=b", " x", "'x", "%", "|"])("FORMULA_START leaves %j alone", (cell) => {
    expect(FORMULA_START.test(cell)).toBe(false);
  });

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
