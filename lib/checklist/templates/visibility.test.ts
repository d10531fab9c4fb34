import { describe, expect, it } from "vitest";
import { canUseTemplate, templateScopeLabel } from "./visibility";

describe("canUseTemplate", () => {
  const mine = new Set(["launch-a"]);
  it("built-ins and published templates are for everyone", () => {
    expect(canUseTemplate({ builtIn: true, published: false, launchId: null }, new Set())).toBe(true);
    expect(canUseTemplate({ builtIn: false, published: true, launchId: "launch-b" }, new Set())).toBe(true);
  });
  it("a saved template is for the members of its launch only", () => {
    expect(canUseTemplate({ builtIn: false, published: false, launchId: "launch-a" }, mine)).toBe(true);
    expect(canUseTemplate({ builtIn: false, published: false, launchId: "launch-b" }, mine)).toBe(false);
    expect(canUseTemplate({ builtIn: false, published: false, launchId: null }, mine)).toBe(false);
  });
  it("labels where a template comes from", () => {
    expect([templateScopeLabel({ builtIn: true, published: false }), templateScopeLabel({ builtIn: false, published: true }), templateScopeLabel({ builtIn: false, published: false })]).toEqual([
      "Built-in",
      "Published",
      "Your team's",
    ]);
  });
});
