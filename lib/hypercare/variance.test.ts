import { describe, expect, it } from "vitest";
import { runbookVariance } from "./variance";

const at = (min: number) => new Date(Date.UTC(2026, 10, 1, 2, 0) + min * 60_000).toISOString();

describe("runbook variance", () => {
  it("sums planned against actual minutes of finished tasks and lists the worst overruns first", () => {
    const v = runbookVariance([
      { title: "Freeze writes", plannedMin: 10, actualStart: at(0), actualEnd: at(12), status: "DONE" },
      { title: "Migrate data", plannedMin: 60, actualStart: at(12), actualEnd: at(102), status: "DONE" },
      { title: "Smoke test", plannedMin: 20, actualStart: at(102), actualEnd: at(117), status: "DONE" },
      { title: "Announce", plannedMin: 5, actualStart: null, actualEnd: null, status: "SKIPPED" },
    ]);
    expect(v).toMatchObject({ tasks: 4, finished: 3, plannedMin: 90, actualMin: 117 });
    expect(v.overruns.map((o) => [o.title, o.overMin])).toEqual([["Migrate data", 30], ["Freeze writes", 2]]);
    expect(v.notDone).toEqual([{ title: "Announce", status: "SKIPPED" }]);
  });

  it("is empty for a run nobody executed", () => {
    expect(runbookVariance([])).toMatchObject({ tasks: 0, finished: 0, plannedMin: 0, actualMin: 0, overruns: [] });
  });
});
