import { describe, expect, it } from "vitest";
import { plan } from "../plan";
import { validateGraph } from "../graph";
import { RUNBOOK_TEMPLATES, runbookTemplate } from "./index";
import { parseRef } from "./define";

describe("runbook templates", () => {
  for (const t of RUNBOOK_TEMPLATES) {
    it(`${t.name}: a valid graph with unique keys that fits a 6-hour window`, () => {
      const { plan: p } = runbookTemplate(t.key);
      expect(new Set(p.tasks.map((x) => x.key)).size).toBe(p.tasks.length);
      const tasks = p.tasks.map((x) => ({ id: x.key, title: x.title, stream: x.stream, durationMin: x.durationMin }));
      expect(validateGraph(tasks, p.deps)).toEqual({ ok: true });
      const start = new Date("2026-12-05T22:00:00Z");
      const timing = plan(tasks, p.deps, { start, end: new Date(start.getTime() + 6 * 3600_000) });
      expect(timing.slackMin).toBeGreaterThan(t.rollbackMin + t.bufferMin);
      expect(timing.criticalPath.length).toBeGreaterThan(2);
      expect(p.tasks.some((x) => x.type === "VALIDATION")).toBe(true);
      expect(p.tasks.some((x) => x.type === "DECISION")).toBe(true);
    });
  }
  it("parses predecessor references", () => {
    expect(parseRef("A1")).toEqual({ key: "A1", type: "FS", lagMin: 0 });
    expect(parseRef("D1:SS+5")).toEqual({ key: "D1", type: "SS", lagMin: 5 });
    expect(parseRef("X:FS-10")).toEqual({ key: "X", type: "FS", lagMin: -10 });
    expect(parseRef("bad key")).toBeNull();
  });
});
