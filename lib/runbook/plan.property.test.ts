// Properties of plan() on random DAGs. Edges only run from a lower to a higher generation index, so every
// graph is acyclic; the tasks are then shuffled so the input order is not already topological.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plan } from "./plan";
import type { Dependency, Task, TimeWindow } from "./types";

const T0 = new Date("2027-06-12T00:00:00Z").getTime();
const at = (min: number) => new Date(T0 + min * 60_000);
const minutes = (d: Date) => (d.getTime() - T0) / 60_000;

type Progress = { kind: "done"; start: number; took: number } | { kind: "running"; start: number } | { kind: "none" } | { kind: "skipped" };

const runbook = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.record({
      durations: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: n, maxLength: n }),
      fixed: fc.array(fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }), { minLength: n, maxLength: n }),
      progress: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant("done" as const), start: fc.integer({ min: 0, max: 400 }), took: fc.integer({ min: 0, max: 200 }) }),
          fc.record({ kind: fc.constant("running" as const), start: fc.integer({ min: 0, max: 400 }) }),
          fc.constant({ kind: "none" as const }),
          fc.constant({ kind: "skipped" as const }),
        ),
        { minLength: n, maxLength: n },
      ),
      edges: fc.uniqueArray(
        fc.record({ a: fc.nat(n), b: fc.nat(n), ss: fc.boolean(), lag: fc.integer({ min: -30, max: 60 }) }),
        { maxLength: n * 3, selector: (e) => `${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}` },
      ),
      shuffle: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ durations, fixed, progress, edges, shuffle }) => {
    const n = durations.length;
    const tasks: Task[] = shuffle.map((i) => ({ id: `t${i}`, title: `Task ${i}`, stream: `S${i % 3}`, durationMin: durations[i], fixedStart: fixed[i] === undefined ? undefined : at(fixed[i]) }));
    // Pairs come from 0..n so a one-task runbook is possible; self and out-of-range pairs are dropped here
    // (a generator filter could never satisfy them and would spin).
    const deps: Dependency[] = edges.filter((e) => e.a !== e.b && e.a < n && e.b < n).map((e) => ({ from: `t${Math.min(e.a, e.b)}`, to: `t${Math.max(e.a, e.b)}`, type: e.ss ? "SS" : "FS", lagMin: e.lag }));
    const withProgress = (t: Task): Task => {
      const p: Progress = progress[Number(t.id.slice(1))];
      if (p.kind === "done") return { ...t, actualStart: at(p.start), actualEnd: at(p.start + p.took) };
      if (p.kind === "running") return { ...t, actualStart: at(p.start) };
      if (p.kind === "skipped") return { ...t, skipped: true };
      return t;
    };
    return { tasks, deps, live: tasks.map(withProgress) };
  });

/** Planned end does not depend on the window end: measure it with a wide window first. */
function fittingWindow(tasks: Task[], deps: Dependency[], extraMin: number): TimeWindow {
  const end = plan(tasks, deps, { start: at(0), end: at(100_000) }).plannedEnd;
  return { start: at(0), end: new Date(Math.max(end.getTime(), T0 + 60_000) + extraMin * 60_000) };
}

describe("plan: properties on random DAGs", () => {
  it("the forward pass honours every link, fixed start and the window start, and is tight", () => {
    fc.assert(
      fc.property(runbook, ({ tasks, deps }) => {
        const t = Object.fromEntries(plan(tasks, deps, { start: at(0), end: at(600) }).tasks.map((x) => [x.id, x]));
        const bounds = new Map(tasks.map((x) => [x.id, [0, x.fixedStart ? minutes(x.fixedStart) : 0]]));
        for (const d of deps) {
          const from = t[d.from];
          const bound = minutes(d.type === "SS" ? from.plannedStart : from.plannedEnd) + d.lagMin;
          bounds.get(d.to)!.push(bound);
        }
        // Each start is exactly the largest of its bounds: no constraint broken, no time wasted.
        expect(tasks.map((x) => minutes(t[x.id].plannedStart))).toEqual(tasks.map((x) => Math.max(...bounds.get(x.id)!)));
      }),
    );
  });

  it("when the plan fits: planned start <= late start, float >= 0, critical tasks have the least float", () => {
    fc.assert(
      fc.property(runbook, fc.integer({ min: 0, max: 200 }), ({ tasks, deps }, extra) => {
        const p = plan(tasks, deps, fittingWindow(tasks, deps, extra));
        expect(p.slackMin).toBeGreaterThanOrEqual(0);
        expect(p.tasks.filter((x) => x.plannedStart > x.lateStart || x.totalFloatMin < 0)).toEqual([]);
        const least = Math.min(...p.tasks.map((x) => x.totalFloatMin));
        expect(p.tasks.filter((x) => x.critical).every((x) => x.totalFloatMin === least)).toBe(true);
        expect(p.criticalPath.length).toBeGreaterThan(0);
        // The task that ends last is always critical and its float is the slack to the window end.
        const last = p.tasks.reduce((a, b) => (b.plannedEnd > a.plannedEnd ? b : a));
        expect([last.critical, last.totalFloatMin]).toEqual([true, p.slackMin]);
      }),
    );
  });

  it("with a window exactly as long as the plan, critical tasks have float 0", () => {
    fc.assert(
      fc.property(runbook, ({ tasks, deps }) => {
        const p = plan(tasks, deps, fittingWindow(tasks, deps, 0));
        const nonEmpty = p.plannedEnd > at(0);
        const critical = p.tasks.filter((x) => x.critical);
        expect(critical.map((x) => x.totalFloatMin)).toEqual(critical.map(() => (nonEmpty ? 0 : p.slackMin)));
      }),
    );
  });

  it("the backward pass honours every link and the window end", () => {
    fc.assert(
      fc.property(runbook, ({ tasks, deps }) => {
        const t = Object.fromEntries(plan(tasks, deps, { start: at(0), end: at(500) }).tasks.map((x) => [x.id, x]));
        const broken = deps.filter((d) => (d.type === "SS" ? t[d.from].lateStart : t[d.from].lateFinish).getTime() + d.lagMin * 60_000 > t[d.to].lateStart.getTime());
        expect(broken).toEqual([]);
        expect(Object.values(t).filter((x) => x.lateFinish > at(500))).toEqual([]);
      }),
    );
  });

  it("live: not-started tasks never start in the past nor before their predecessors allow; done tasks keep their actuals", () => {
    // Every task's rule is checked unconditionally (a broken one is named); the states met are counted, so
    // the property cannot pass by never generating a done, running or waiting task.
    const met = new Set<string>();
    fc.assert(
      fc.property(runbook, fc.integer({ min: 0, max: 500 }), ({ live, deps }, nowMin) => {
        const now = at(nowMin);
        const l = Object.fromEntries(plan(live, deps, { start: at(0), end: at(600) }, now).live!.tasks.map((x) => [x.id, x]));
        const broken = live.filter((x) => {
          const f = l[x.id];
          const state = x.actualEnd ? "done" : x.actualStart ? "running" : x.skipped ? "skipped" : "waiting";
          met.add(state);
          switch (state) {
            case "done":
              return f.forecastStart.getTime() !== x.actualStart!.getTime() || f.forecastEnd.getTime() !== x.actualEnd!.getTime();
            case "running":
              return !(f.forecastEnd >= now && f.forecastEnd.getTime() >= x.actualStart!.getTime() + x.durationMin * 60_000);
            case "waiting":
              return !(f.forecastStart >= now && (!x.fixedStart || f.forecastStart >= x.fixedStart));
            default:
              return false;
          }
        });
        expect(broken.map((x) => x.id)).toEqual([]);
        const early = deps.filter((d) => {
          const to = live.find((x) => x.id === d.to)!;
          const bound = (d.type === "SS" ? l[d.from].forecastStart : l[d.from].forecastEnd).getTime() + d.lagMin * 60_000;
          return !to.actualStart && l[d.to].forecastStart.getTime() < bound;
        });
        expect(early).toEqual([]);
      }),
    );
    expect([...met].sort()).toEqual(expect.arrayContaining(["done", "running", "waiting"]));
  });

  it("live: delay = inherited + own, none negative, and only late tasks are listed", () => {
    fc.assert(
      fc.property(runbook, fc.integer({ min: 0, max: 500 }), ({ live, deps }, nowMin) => {
        const lp = plan(live, deps, { start: at(0), end: at(600) }, at(nowMin)).live!;
        expect(lp.tasks.filter((x) => x.inheritedDelayMin < 0 || x.ownDelayMin < 0 || x.inheritedDelayMin + x.ownDelayMin !== x.delayMin)).toEqual([]);
        expect(lp.late.map((x) => x.id).sort()).toEqual(lp.tasks.filter((x) => x.delayMin > 0).map((x) => x.id).sort());
        expect(lp.slackMin).toBe(600 - minutes(lp.forecastEnd));
      }),
    );
  });

  it("monotonic: a task finishing later, or time passing, never makes anything earlier", () => {
    fc.assert(
      fc.property(runbook, fc.nat(), fc.integer({ min: 1, max: 90 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), ({ live, deps }, pick, later, nowMin, wait) => {
        const w = { start: at(0), end: at(600) };
        const i = pick % live.length;
        const x = live[i];
        const slower: Task = x.actualEnd ? { ...x, actualEnd: new Date(x.actualEnd.getTime() + later * 60_000) } : { ...x, durationMin: x.durationMin + later };
        const base = plan(live, deps, w, at(nowMin)).live!.tasks;
        const variants = [plan(live.with(i, slower), deps, w, at(nowMin)).live!.tasks, plan(live, deps, w, at(nowMin + wait)).live!.tasks];
        for (const v of variants) {
          const earlier = v.filter((y, k) => y.forecastStart < base[k].forecastStart || y.forecastEnd < base[k].forecastEnd);
          expect(earlier).toEqual([]);
        }
      }),
    );
  });
});
