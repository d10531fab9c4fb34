import { describe, expect, it } from "vitest";
import { compileRunbook, RunbookGraphError, validateGraph } from "./graph";
import type { Dependency, Task } from "./types";

const task = (id: string, title: string, durationMin = 10): Task => ({ id, title, stream: "App", durationMin });
const fs = (from: string, to: string, lagMin = 0): Dependency => ({ from, to, type: "FS", lagMin });
const tasks = [task("a", "Freeze writes"), task("b", "Migrate"), task("c", "Smoke test")];

describe("validateGraph", () => {
  it("accepts a DAG", () => {
    expect(validateGraph(tasks, [fs("a", "b"), { from: "a", to: "c", type: "SS", lagMin: -5 }])).toEqual({ ok: true });
  });

  it("refuses a cycle, naming it by task titles in the order work flows", () => {
    expect(validateGraph(tasks, [fs("a", "b"), fs("b", "c"), fs("c", "a")])).toEqual({
      ok: false,
      error: "These dependencies form a cycle: “Freeze writes” → “Migrate” → “Smoke test” → “Freeze writes”.",
      cycle: ["a", "b", "c", "a"],
    });
  });

  it("refuses a self-dependency and an unknown task", () => {
    expect(validateGraph(tasks, [fs("b", "b")])).toMatchObject({ ok: false, error: "“Migrate” cannot depend on itself." });
    expect(validateGraph(tasks, [fs("a", "zz")])).toEqual({ ok: false, error: "A dependency names an unknown task “zz”." });
  });

  it("refuses duplicate ids, bad durations, bad lags, bad types and an end without a start", () => {
    expect(validateGraph([...tasks, task("a", "Again")], [])).toMatchObject({ ok: false, error: "Two tasks share the id “a”." });
    expect(validateGraph([task("a", "Freeze", -1)], [])).toMatchObject({ ok: false, error: "“Freeze”: duration must be between 0 and 10080 minutes." });
    expect(validateGraph([task("a", "Freeze", Number.NaN)], [])).toMatchObject({ ok: false });
    expect(validateGraph(tasks, [fs("a", "b", Infinity)])).toMatchObject({ ok: false, error: "The lag from “Freeze writes” to “Migrate” must be between −10080 and 10080 minutes." });
    expect(validateGraph(tasks, [{ from: "a", to: "b", type: "XX" as "FS", lagMin: 0 }])).toMatchObject({ ok: false, error: "Dependency type must be FS or SS (got “XX”)." });
    expect(validateGraph([{ ...task("a", "Freeze"), actualEnd: new Date() }], [])).toMatchObject({ ok: false, error: "“Freeze”: finished without a start time." });
  });

  it("compileRunbook throws the same message as a RunbookGraphError and orders tasks topologically", () => {
    expect(() => compileRunbook(tasks, [fs("a", "b"), fs("b", "a")])).toThrow(RunbookGraphError);
    expect(() => compileRunbook(tasks, [fs("a", "b"), fs("b", "a")])).toThrow("“Freeze writes” → “Migrate” → “Freeze writes”");
    const g = compileRunbook(tasks, [fs("c", "b"), fs("b", "a")]);
    expect([...g.order]).toEqual([2, 1, 0]);
  });
});
