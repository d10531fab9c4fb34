// From the runbook DTO to the timing core's inputs and back to a forecast. Pure and client-safe: the
// browser runs it as time passes, the server once per instance per batch (readiness, overview PONR).
import { plan } from "./plan";
import { pointOfNoReturn, rollbackStillFits } from "./ponr";
import type { RunbookDto, RunbookPonrDto, RunbookRunDto } from "./dto";
import type { Dependency, Plan, Task, TimeWindow } from "./types";

export type TimingInputs = { tasks: Task[]; dependencies: Dependency[]; window: TimeWindow };

/**
 * The core's inputs for `run` (default: the current run). A rehearsal's plan is the window shifted to the
 * rehearsal's start (fixed starts move with it); a LIVE run uses the window as it is. Null without window.
 */
export function toTimingInputs(dto: RunbookDto, run: RunbookRunDto | null = currentRun(dto)): TimingInputs | null {
  if (!dto.window) return null;
  const start = Date.parse(dto.window.start);
  const end = Date.parse(dto.window.end);
  const shift = run && run.kind === "REHEARSAL" ? Date.parse(run.startAt) - start : 0;
  const actuals = run && run.id !== dto.currentRunId ? new Map(run.actuals.map((a) => [a.taskId, a])) : null;
  const tasks: Task[] = dto.tasks.map((t) => {
    const a = actuals ? actuals.get(t.id) : { status: t.status, start: t.actualStart, end: t.actualEnd };
    const status = a?.status ?? "NOT_STARTED";
    const task: Task = { id: t.id, title: t.title, stream: t.streamId, durationMin: run?.plannedMin[t.id] ?? t.durationMin };
    if (t.fixedStart) task.fixedStart = new Date(Date.parse(t.fixedStart) + shift);
    if (status === "SKIPPED") task.skipped = true;
    else if (a?.start) {
      task.actualStart = new Date(a.start);
      if (a.end && status !== "RUNNING") task.actualEnd = new Date(a.end);
    }
    return task;
  });
  const dependencies: Dependency[] = dto.dependencies.map((d) => ({ from: d.fromId, to: d.toId, type: d.type, lagMin: d.lagMin }));
  return { tasks, dependencies, window: { start: new Date(start + shift), end: new Date(end + shift) } };
}

export function currentRun(dto: RunbookDto): RunbookRunDto | null {
  return dto.runs.find((r) => r.id === dto.currentRunId) ?? null;
}

/** Planned + live timing of the current run at `now`; null without window or when the graph is invalid. */
export function forecastOf(dto: RunbookDto, now: Date): Plan | null {
  const inputs = toTimingInputs(dto);
  if (!inputs || inputs.tasks.length === 0) return null;
  try {
    return plan(inputs.tasks, inputs.dependencies, inputs.window, now);
  } catch {
    return null;
  }
}

/** The overview's point of no return and whether a rollback still fits, for the LIVE run's forecast. */
export function ponrOf(dto: RunbookDto, now: Date): RunbookPonrDto {
  const computedAt = now.toISOString();
  if (!dto.runbook || !dto.window) return { pointOfNoReturn: null, windowEnd: dto.window?.end ?? null, forecastEnd: null, slackMin: null, rollbackFits: null, computedAt };
  const windowEnd = new Date(dto.window.end);
  const { effectiveRollbackMin, bufferMin } = dto.rollback;
  const ponr = pointOfNoReturn(windowEnd, effectiveRollbackMin, bufferMin).toISOString();
  const live = dto.runs.find((r) => r.kind === "LIVE") ?? null;
  const inputs = live ? toTimingInputs(dto, live) : toTimingInputs({ ...dto, currentRunId: null, tasks: dto.tasks.map((t) => ({ ...t, status: "NOT_STARTED", actualStart: null, actualEnd: null })) }, null);
  let p: Plan | null = null;
  if (inputs && inputs.tasks.length > 0) {
    try {
      p = plan(inputs.tasks, inputs.dependencies, inputs.window, now);
    } catch {
      p = null;
    }
  }
  const forecastEnd = p?.live?.forecastEnd ?? null;
  return {
    pointOfNoReturn: ponr,
    windowEnd: dto.window.end,
    forecastEnd: forecastEnd?.toISOString() ?? null,
    slackMin: p?.live?.slackMin ?? null,
    rollbackFits: forecastEnd ? rollbackStillFits(forecastEnd, windowEnd, effectiveRollbackMin) : null,
    computedAt,
  };
}

/** Planning-time fit (no actuals, no now): the planned end against the window end. */
export function plannedFit(dto: RunbookDto): { plannedEnd: Date; slackMin: number } | null {
  if (!dto.window || dto.tasks.length === 0) return null;
  const tasks: Task[] = dto.tasks.map((t) => ({ id: t.id, title: t.title, stream: t.streamId, durationMin: t.durationMin, ...(t.fixedStart ? { fixedStart: new Date(t.fixedStart) } : {}) }));
  const deps: Dependency[] = dto.dependencies.map((d) => ({ from: d.fromId, to: d.toId, type: d.type, lagMin: d.lagMin }));
  try {
    const p = plan(tasks, deps, { start: new Date(dto.window.start), end: new Date(dto.window.end) });
    return { plannedEnd: p.plannedEnd, slackMin: p.slackMin };
  } catch {
    return null;
  }
}
