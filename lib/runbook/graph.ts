// Validates a runbook's task graph and compiles it once into typed arrays in topological order, so the
// timing passes (run on every change and as time passes) are plain loops without maps or allocation.
import { describeCycle, findCycle } from "@/lib/checklist/dag";
import type { Dependency, Task } from "./types";

export const MAX_TASKS = 5_000;
export const MAX_DEPENDENCIES = 20_000;
/** A week: no task or lag in a cutover window is longer. */
export const MAX_MINUTES = 7 * 24 * 60;

export class RunbookGraphError extends Error {
  constructor(
    message: string,
    readonly cycle?: string[],
  ) {
    super(message);
    this.name = "RunbookGraphError";
  }
}

export type GraphCheck = { ok: true } | { ok: false; error: string; cycle?: string[] };

export type CompiledRunbook = {
  tasks: readonly Task[];
  /** order[k] = index (into tasks) of the k-th task in topological order. */
  order: Int32Array;
  durationMs: Float64Array;
  /** Incoming edges of task i: predFrom/predType/predLag slices [predStart[i], predStart[i+1]). */
  predStart: Int32Array;
  predFrom: Int32Array;
  predSS: Uint8Array;
  predLagMs: Float64Array;
  succStart: Int32Array;
  succTo: Int32Array;
  succSS: Uint8Array;
  succLagMs: Float64Array;
};

const finiteIn = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;

function check(tasks: readonly Task[], deps: readonly Dependency[]): { error: string; cycle?: string[] } | Map<string, number> {
  if (tasks.length > MAX_TASKS) return { error: `A runbook holds at most ${MAX_TASKS} tasks (got ${tasks.length}).` };
  if (deps.length > MAX_DEPENDENCIES) return { error: `A runbook holds at most ${MAX_DEPENDENCIES} dependencies (got ${deps.length}).` };
  const index = new Map<string, number>();
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    const name = t.title ?? t.id;
    if (index.has(t.id)) return { error: `Two tasks share the id “${t.id}”.` };
    index.set(t.id, i);
    if (!finiteIn(t.durationMin, 0, MAX_MINUTES)) return { error: `“${name}”: duration must be between 0 and ${MAX_MINUTES} minutes.` };
    for (const [field, d] of [["fixed start", t.fixedStart], ["actual start", t.actualStart], ["actual end", t.actualEnd]] as const)
      if (d !== undefined && Number.isNaN(d.getTime())) return { error: `“${name}”: ${field} is not a valid time.` };
    if (t.actualEnd && !t.actualStart) return { error: `“${name}”: finished without a start time.` };
    if (t.actualEnd && t.actualStart && t.actualEnd < t.actualStart) return { error: `“${name}”: finishes before it starts.` };
  }
  const title = (id: string) => tasks[index.get(id)!].title ?? id;
  for (const d of deps) {
    for (const id of [d.from, d.to]) if (!index.has(id)) return { error: `A dependency names an unknown task “${id}”.` };
    if (d.from === d.to) return { error: `“${title(d.from)}” cannot depend on itself.`, cycle: [d.from, d.from] };
    if (d.type !== "FS" && d.type !== "SS") return { error: `Dependency type must be FS or SS (got “${String(d.type)}”).` };
    if (!finiteIn(d.lagMin, -MAX_MINUTES, MAX_MINUTES)) return { error: `The lag from “${title(d.from)}” to “${title(d.to)}” must be between −${MAX_MINUTES} and ${MAX_MINUTES} minutes.` };
  }
  const cycle = findCycle(deps.map((d) => ({ predecessorId: d.from, itemId: d.to })));
  if (cycle) {
    const titles = new Map(tasks.map((t) => [t.id, t.title ?? t.id]));
    return { error: `These dependencies form a cycle: ${describeCycle(cycle, titles)}.`, cycle };
  }
  return index;
}

/** Unknown ids, self-dependencies, cycles (named by task titles) and out-of-range numbers are refused. */
export function validateGraph(tasks: readonly Task[], deps: readonly Dependency[]): GraphCheck {
  const result = check(tasks, deps);
  return result instanceof Map ? { ok: true } : { ok: false, ...result };
}

/** CSR adjacency (incoming and outgoing) plus a Kahn topological order. Throws RunbookGraphError. */
export function compileRunbook(tasks: readonly Task[], deps: readonly Dependency[]): CompiledRunbook {
  const index = check(tasks, deps);
  if (!(index instanceof Map)) throw new RunbookGraphError(index.error, index.cycle);
  const n = tasks.length;
  const m = deps.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const predStart = new Int32Array(n + 1);
  const succStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    from[e] = index.get(deps[e].from)!;
    to[e] = index.get(deps[e].to)!;
    predStart[to[e] + 1]++;
    succStart[from[e] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    predStart[i + 1] += predStart[i];
    succStart[i + 1] += succStart[i];
  }
  const predFrom = new Int32Array(m);
  const predSS = new Uint8Array(m);
  const predLagMs = new Float64Array(m);
  const succTo = new Int32Array(m);
  const succSS = new Uint8Array(m);
  const succLagMs = new Float64Array(m);
  const predFill = predStart.slice(0, n);
  const succFill = succStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const ss = deps[e].type === "SS" ? 1 : 0;
    const lag = Math.round(deps[e].lagMin * 60_000);
    const p = predFill[to[e]]++;
    predFrom[p] = from[e];
    predSS[p] = ss;
    predLagMs[p] = lag;
    const s = succFill[from[e]]++;
    succTo[s] = to[e];
    succSS[s] = ss;
    succLagMs[s] = lag;
  }
  const indegree = new Int32Array(n);
  for (let i = 0; i < n; i++) indegree[i] = predStart[i + 1] - predStart[i];
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const u = order[head];
    for (let s = succStart[u]; s < succStart[u + 1]; s++) if (--indegree[succTo[s]] === 0) order[tail++] = succTo[s];
  }
  const durationMs = new Float64Array(n);
  for (let i = 0; i < n; i++) durationMs[i] = Math.round(tasks[i].durationMin * 60_000);
  return { tasks, order, durationMs, predStart, predFrom, predSS, predLagMs, succStart, succTo, succSS, succLagMs };
}
