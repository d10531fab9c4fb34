import { describe, expect, it } from "vitest";
import { ruleLabel } from "./rule-label";

describe("ruleLabel", () => {
  it("reads any / all / N of M", () => {
    expect(ruleLabel("ANY", null, 3)).toBe("Any 1 of 3");
    expect(ruleLabel("ANY", null, 1)).toBe("Any 1");
    expect(ruleLabel("ALL", null, 3)).toBe("All 3");
    expect(ruleLabel("ALL", null, 1)).toBe("The 1 approver");
    expect(ruleLabel("N_OF_M", 2, 3)).toBe("2 of 3");
    expect(ruleLabel("N_OF_M", null, 3)).toBe("? of 3");
  });

  it("says when nobody is assigned yet instead of “All 0”", () => {
    expect(ruleLabel("ALL", null, 0)).toBe("All approvers (none assigned yet)");
    expect(ruleLabel("ANY", null, 0)).toBe("Any approver (none assigned yet)");
    expect(ruleLabel("N_OF_M", 2, 0)).toBe("2 approvers (none assigned yet)");
  });
});
