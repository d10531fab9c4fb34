import { describe, expect, it } from "vitest";
import { listWithMore, plural, quoteList } from "./quote-list";

describe("quoteList", () => {
  it("quotes every title up to the limit", () => {
    expect(quoteList([])).toBe("");
    expect(quoteList(["DB backup"])).toBe("“DB backup”");
    expect(quoteList(["A", "B", "C"])).toBe("“A”, “B”, “C”");
  });
  it("summarises the rest", () => {
    expect(quoteList(["DB backup", "Smoke test", "DNS", "CDN"], 2)).toBe("“DB backup”, “Smoke test”, +2 more");
  });
});

describe("listWithMore", () => {
  it("keeps parts as they are", () => {
    expect(listWithMore(["QA (1 of 2)", "Ops (0 of 1)"], 1)).toBe("QA (1 of 2), +1 more");
  });
});

describe("plural", () => {
  it("agrees with the count", () => {
    expect(plural(1, "item")).toBe("1 item");
    expect(plural(0, "item")).toBe("0 items");
    expect(plural(2, "sign-off group")).toBe("2 sign-off groups");
  });
});
