import { describe, expect, it } from "vitest";
import { unownedWork } from "./unowned-work";

describe("unownedWork", () => {
  it("is empty when everything has an owner", () => {
    expect(unownedWork(0, [])).toEqual([]);
  });

  it("names unowned checks and unstaffed groups as the managers' to act on", () => {
    const gaps = unownedWork(20, ["QA", "Security"]);
    expect(gaps.map((g) => g.kind)).toEqual(["unassigned", "unassigned"]);
    expect(gaps[0].what).toEqual(["20 required checks have no owner"]);
    expect(gaps[1].what).toEqual(["2 sign-off groups without approvers: “QA”, “Security”"]);
    expect(unownedWork(1, [])[0].what).toEqual(["1 required check has no owner"]);
  });
});
