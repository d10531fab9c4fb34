// The runbook's timing: planned (forward pass from the window start, backward pass from the window end)
// and, given `now`, live (actuals for done tasks, never in the past for the rest) with slip attribution.
// Every pass is one loop over the topological order computed once by compileRunbook.
import { compileRunbook, type CompiledRunbook } from "./graph";
import type { Dependency, LivePlan, LiveTiming, Plan, Task, TaskTiming, TimeWindow } from "./types";

const MIN = 60_000;
const toMin = (ms: number) => ms / MIN;

/** Starts allowed by predecessors: max over FS (their end + lag) and SS (their start + lag). */
function readyAt(g: CompiledRunbook, i: number, start: Float64Array, end: Float64Array, floor: number): number {
  let t = floor;
  for (let p = g.predStart[i]; p < g.predStart[i + 1]; p++) {
    const j = g.predFrom[p];
    const c = (g.predSS[p] ? start[j] : end[j]) + g.predLagMs[p];
    if (c > t) t = c;
  }
  return t;
}

export type Passes = {
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  end: number;
};

/** Forward and backward passes in epoch ms. Skipped tasks last 0 minutes. */
export function planPasses(g: CompiledRunbook, windowStart: number, windowEnd: number): Passes {
  const n = g.order.length;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  let end = windowStart;
  for (let k = 0; k < n; k++) {
    const i = g.order[k];
    const fixed = g.tasks[i].fixedStart?.getTime() ?? -Infinity;
    es[i] = readyAt(g, i, es, ef, Math.max(windowStart, fixed));
    ef[i] = es[i] + (g.tasks[i].skipped ? 0 : g.durationMs[i]);
    if (ef[i] > end) end = ef[i];
  }
  for (let k = n - 1; k >= 0; k--) {
    const i = g.order[k];
    const dur = ef[i] - es[i];
    let f = windowEnd;
    for (let s = g.succStart[i]; s < g.succStart[i + 1]; s++) {
      // FS: our finish <= their late start − lag. SS: our start <= their late start − lag.
      const c = ls[g.succTo[s]] - g.succLagMs[s] + (g.succSS[s] ? dur : 0);
      if (c < f) f = c;
    }
    lf[i] = f;
    ls[i] = f - dur;
  }
  return { es, ef, ls, lf, end };
}

function leastOf(float: Float64Array): number {
  let min = Infinity;
  for (let i = 0; i < float.length; i++) if (float[i] < min) min = float[i];
  return min;
}

function criticalIds(g: CompiledRunbook, float: Float64Array, least: number): string[] {
  const ids: string[] = [];
  for (let k = 0; k < g.order.length; k++) if (float[g.order[k]] === least) ids.push(g.tasks[g.order[k]].id);
  return ids;
}

function livePass(g: CompiledRunbook, progress: readonly Task[], p: Passes, windowStart: number, windowEnd: number, now: number): LivePlan {
  const n = g.order.length;
  const fs = new Float64Array(n);
  const fe = new Float64Array(n);
  const ready = new Float64Array(n);
  let forecastEnd = windowStart;
  for (let k = 0; k < n; k++) {
    const i = g.order[k];
    const t = progress[i];
    const fixed = t.fixedStart?.getTime() ?? -Infinity;
    ready[i] = readyAt(g, i, fs, fe, Math.max(windowStart, fixed));
    if (t.actualStart && t.actualEnd) {
      fs[i] = t.actualStart.getTime();
      fe[i] = t.actualEnd.getTime();
    } else if (t.actualStart) {
      fs[i] = t.actualStart.getTime();
      fe[i] = Math.max(fs[i] + g.durationMs[i], now);
    } else if (t.skipped) {
      fs[i] = fe[i] = ready[i];
    } else {
      fs[i] = Math.max(ready[i], now);
      fe[i] = fs[i] + g.durationMs[i];
    }
    if (fe[i] > forecastEnd) forecastEnd = fe[i];
  }
  const float = new Float64Array(n);
  for (let i = 0; i < n; i++) float[i] = p.lf[i] - fe[i];
  const least = leastOf(float);
  const tasks: LiveTiming[] = new Array(n);
  const late: LiveTiming[] = [];
  for (let k = 0; k < n; k++) {
    const i = g.order[k];
    const t = progress[i];
    const delay = Math.max(0, fe[i] - p.ef[i]);
    const inherited = Math.min(delay, Math.max(0, ready[i] - p.es[i]));
    const timing: LiveTiming = {
      id: t.id,
      state: t.actualEnd ? "done" : t.actualStart ? "running" : t.skipped ? "skipped" : "not-started",
      forecastStart: new Date(fs[i]),
      forecastEnd: new Date(fe[i]),
      floatMin: toMin(float[i]),
      critical: float[i] === least,
      delayMin: toMin(delay),
      inheritedDelayMin: toMin(inherited),
      ownDelayMin: toMin(delay - inherited),
    };
    tasks[i] = timing;
    if (delay > 0) late.push(timing);
  }
  const criticalPath = criticalIds(g, float, least);
  return { now: new Date(now), tasks, criticalPath, forecastEnd: new Date(forecastEnd), slackMin: toMin(windowEnd - forecastEnd), late };
}

type Planned = { ws: number; we: number; passes: Passes; plan: Omit<Plan, "live"> };
// The planned part depends only on the compiled graph and the window, so live recomputations (every
// change, every minute) reuse it: half the work and most of the allocation of a recomputation.
const plannedCache = new WeakMap<CompiledRunbook, Planned>();

function planned(g: CompiledRunbook, ws: number, we: number): Planned {
  const cached = plannedCache.get(g);
  if (cached && cached.ws === ws && cached.we === we) return cached;
  const p = planPasses(g, ws, we);
  const n = g.order.length;
  const float = new Float64Array(n);
  for (let i = 0; i < n; i++) float[i] = p.ls[i] - p.es[i];
  const least = leastOf(float);
  const criticalPath = criticalIds(g, float, least);
  const tasks: TaskTiming[] = g.tasks.map((t, i) => ({
    id: t.id,
    plannedStart: new Date(p.es[i]),
    plannedEnd: new Date(p.ef[i]),
    lateStart: new Date(p.ls[i]),
    lateFinish: new Date(p.lf[i]),
    totalFloatMin: toMin(float[i]),
    critical: float[i] === least,
  }));
  const result: Planned = { ws, we, passes: p, plan: { tasks, criticalPath, plannedEnd: new Date(p.end), slackMin: toMin(we - p.end) } };
  plannedCache.set(g, result);
  return result;
}

/**
 * plan() over a graph compiled once: what a live screen recomputes on every change and every minute.
 * The planned part is shared between calls with the same graph and window: treat it as read-only.
 * `progress` (default: the compiled tasks) is the same tasks in the same order with their current
 * actual start/end and skipped flag, so a task action needs no recompilation; only the live forecast
 * reads them (durations, fixed starts and links come from the compiled version).
 */
export function planCompiled(g: CompiledRunbook, window: TimeWindow, now?: Date, progress: readonly Task[] = g.tasks): Plan {
  const ws = window.start.getTime();
  const we = window.end.getTime();
  if (!(we > ws)) throw new RangeError("The window must end after it starts.");
  if (now && Number.isNaN(now.getTime())) throw new RangeError("`now` is not a valid time.");
  if (progress.length !== g.tasks.length || progress.some((t, i) => t.id !== g.tasks[i].id)) throw new RangeError("Progress must list the compiled tasks in the same order.");
  const { passes, plan } = planned(g, ws, we);
  return now ? { ...plan, live: livePass(g, progress, passes, ws, we, now.getTime()) } : { ...plan };
}

/**
 * Planned timing of every task (in input order) and, with `now`, the live forecast. Throws
 * RunbookGraphError for a bad graph (see validateGraph) and RangeError for a bad window.
 */
export function plan(tasks: readonly Task[], deps: readonly Dependency[], window: TimeWindow, now?: Date): Plan {
  return planCompiled(compileRunbook(tasks, deps), window, now);
}
