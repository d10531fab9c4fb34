import { describe, expect, it } from "vitest";
import { launchStatusChip } from "./launch-status";

describe("launchStatusChip", () => {
  it("shows a legacy READY row as planning, never a green ready", () => {
    expect(launchStatusChip("READY")).toMatchObject({ label: "Planning", tone: "blue" });
    expect(launchStatusChip("PLANNING")).toMatchObject({ label: "Planning", tone: "blue" });
  });

  it("shows a GO by override as such, with its reason", () => {
    expect(launchStatusChip("GO", { goOverride: "CAB accepted the risk", readiness: "NOT_READY" })).toEqual({
      label: "Go (override)",
      tone: "amber",
      title: "Go by override, despite open gates: CAB accepted the risk",
      override: true,
    });
  });

  it("is green Go only while the gates hold", () => {
    expect(launchStatusChip("GO", { readiness: "READY" })).toMatchObject({ label: "Go", tone: "green" });
    expect(launchStatusChip("GO", { readiness: "NOT_READY" })).toMatchObject({ label: "Go (gates reopened)", tone: "amber" });
    expect(launchStatusChip("NO_GO", { goOverride: "x" })).toMatchObject({ label: "No-go", tone: "red" });
  });
});
