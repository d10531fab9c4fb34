import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { measuredWindow } from "@/lib/windows/measured";
import type { PersonRef, RunbookDto, RunbookExecDelta, RunbookRunDto, RunbookTaskDto, TaskExecutionDto, TaskStatus, ForecastSnapshot } from "./dto";

// THE loader of the runbook view part (GET /api/launches/:id/view/runbook, server prefetch, live enrich):
// a fixed number of queries however big the runbook (launch + window candidates + members, runbook,
// streams, tasks with assignees, dependencies, runs, executions, decisions).

type Reader = Tx | typeof db;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const person = (u: { id: string; name: string } | null) => (u ? { userId: u.id, name: u.name } : null);

const EXECUTION_SELECT = {
  taskId: true, status: true, actualStart: true, actualEnd: true, reason: true,
  startedBy: { select: { id: true, name: true } }, finishedBy: { select: { id: true, name: true } },
} as const;

type ExecutionRow = {
  status: string; actualStart: Date | null; actualEnd: Date | null; reason: string | null;
  startedBy: { id: string; name: string } | null; finishedBy: { id: string; name: string } | null;
};

/** A task's execution in a run as the page shows it: a task with no row has not started. */
function executionFields(e: ExecutionRow | undefined): Omit<TaskExecutionDto, "taskId"> {
  return {
    status: (e?.status ?? "NOT_STARTED") as TaskStatus,
    actualStart: iso(e?.actualStart),
    actualEnd: iso(e?.actualEnd),
    reason: e?.reason ?? null,
    startedBy: person(e?.startedBy ?? null),
    finishedBy: person(e?.finishedBy ?? null),
  };
}

/**
 * What a live batch of execution events changed, read in one query however many tasks it touched: the
 * executions as they are now (after the batch's commits), grouped by run. The live stream sends these
 * instead of the whole runbook (a 1,000-task runbook is ~1 MB; a task started is ~300 bytes).
 */
export async function loadExecutionDeltas(launchId: string, refs: readonly { runId: string; taskId: string; planFrozen?: true }[], r: Reader = db): Promise<RunbookExecDelta[]> {
  if (!refs.length) return [];
  const frozen = [...new Set(refs.filter((x) => x.planFrozen).map((x) => x.runId))];
  const [rows, plans] = await Promise.all([
    r.runbookExecution.findMany({
      where: { OR: refs.map(({ runId, taskId }) => ({ runId, taskId })), run: { runbook: { launchId } } },
      select: { runId: true, ...EXECUTION_SELECT },
    }),
    frozen.length ? r.runbookRun.findMany({ where: { id: { in: frozen }, runbook: { launchId } }, select: { id: true, plannedMin: true } }) : [],
  ]);
  const planOf = new Map(plans.map((p) => [p.id, (p.plannedMin ?? {}) as Record<string, number>]));
  const found = new Map(rows.map((e) => [`${e.runId}:${e.taskId}`, e]));
  const byRun = new Map<string, Map<string, TaskExecutionDto>>();
  for (const { runId, taskId } of refs) {
    const run = byRun.get(runId) ?? byRun.set(runId, new Map()).get(runId)!;
    run.set(taskId, { taskId, ...executionFields(found.get(`${runId}:${taskId}`)) });
  }
  return [...byRun].map(([runId, tasks]) => {
    const plannedMin = planOf.get(runId);
    return plannedMin ? { runId, executions: [...tasks.values()], plannedMin } : { runId, executions: [...tasks.values()] };
  });
}

export async function loadRunbook(launchId: string, r: Reader = db, now = new Date()): Promise<RunbookDto> {
  const [launch, windows, members, runbook] = await Promise.all([
    r.launch.findUniqueOrThrow({ where: { id: launchId }, select: { id: true, timeZone: true, runbookRequired: true } }),
    r.deploymentWindow.findMany({
      where: { launchId, OR: [{ status: "IN_PROGRESS" }, { status: { in: ["SCHEDULED", "PROPOSED"] }, endsAt: { gt: now } }] },
      select: { id: true, startsAt: true, endsAt: true, status: true, timeZone: true },
    }),
    r.member.findMany({
      where: { launchId, role: { in: ["MANAGER", "ENGINEER"] } },
      select: { userId: true, user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    r.runbook.findUnique({ where: { launchId } }),
  ]);
  const w = measuredWindow(windows.map((x) => ({ ...x, start: x.startsAt, end: x.endsAt })), now);
  const window = w ? { id: w.id, start: w.startsAt.toISOString(), end: w.endsAt.toISOString(), timeZone: w.timeZone, status: w.status } : null;
  const people: PersonRef[] = members.map((m) => ({ userId: m.userId, name: m.user.name }));
  const empty: RunbookDto = {
    launchId,
    timeZone: launch.timeZone,
    runbookRequired: launch.runbookRequired,
    runbook: null,
    window,
    streams: [],
    tasks: [],
    dependencies: [],
    runs: [],
    currentRunId: null,
    rollback: { rollbackMin: 0, bufferMin: 0, measuredRollbackMin: null, effectiveRollbackMin: 0 },
    decisions: [],
    people,
  };
  if (!runbook) return empty;

  const rb = { runbookId: runbook.id };
  const [streams, tasks, deps, runs, decisions] = await Promise.all([
    r.runbookStream.findMany({ where: rb, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    r.runbookTask.findMany({
      where: rb,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { assignees: { select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } } },
    }),
    r.runbookDependency.findMany({ where: rb, orderBy: { id: "asc" } }),
    r.runbookRun.findMany({
      where: rb,
      orderBy: { createdAt: "asc" },
      include: {
        executions: { select: EXECUTION_SELECT, orderBy: { taskId: "asc" } }, // actuals in a stable order (the live delta keeps it)
      },
    }),
    r.rollbackDecision.findMany({
      where: rb,
      orderBy: { createdAt: "asc" },
      include: { decidedBy: { select: { id: true, name: true } }, approvedBy: { select: { id: true, name: true } } },
    }),
  ]);
  const open = runs.find((x) => x.kind === "REHEARSAL" && !x.endedAt);
  const current = open ?? runs.find((x) => x.kind === "LIVE") ?? null;
  const execOf = new Map((current?.executions ?? []).map((e) => [e.taskId, e]));
  const measured = [...runs].reverse().find((x) => x.kind === "REHEARSAL" && x.endedAt && x.rollbackMeasuredMin !== null)?.rollbackMeasuredMin ?? null;

  const taskDtos: RunbookTaskDto[] = tasks.map((t) => {
    return {
      id: t.id,
      streamId: t.streamId,
      position: t.position,
      title: t.title,
      type: t.type,
      durationMin: t.durationMin,
      fixedStart: iso(t.fixedStart),
      critical: t.critical,
      notes: t.notes,
      links: t.links,
      assignees: t.assignees.map((a) => ({ userId: a.userId, name: a.user.name })),
      version: t.version,
      ...executionFields(execOf.get(t.id)),
    };
  });
  const runDtos: RunbookRunDto[] = runs.map((x) => ({
    id: x.id,
    kind: x.kind,
    revision: x.revision,
    startAt: x.startAt.toISOString(),
    endedAt: iso(x.endedAt),
    plannedMin: (x.plannedMin ?? {}) as Record<string, number>,
    rollbackMeasuredMin: x.rollbackMeasuredMin,
    actuals: x.executions.map((e) => ({ taskId: e.taskId, status: e.status as TaskStatus, start: iso(e.actualStart), end: iso(e.actualEnd) })),
  }));
  return {
    ...empty,
    runbook: {
      id: runbook.id,
      version: runbook.version,
      revision: runbook.revision,
      paused: runbook.paused,
      message: runbook.message,
      pausedAt: iso(runbook.pausedAt),
      updatedAt: runbook.updatedAt.toISOString(),
    },
    streams: streams.map((s) => ({ id: s.id, name: s.name, position: s.position, version: s.version })),
    tasks: taskDtos,
    dependencies: deps.map((d) => ({ id: d.id, fromId: d.fromId, toId: d.toId, type: d.type, lagMin: d.lagMin })),
    runs: runDtos,
    currentRunId: current?.id ?? null,
    rollback: { rollbackMin: runbook.rollbackMin, bufferMin: runbook.bufferMin, measuredRollbackMin: measured, effectiveRollbackMin: measured ?? runbook.rollbackMin },
    decisions: decisions.map((d) => ({
      id: d.id,
      trigger: d.trigger,
      evidence: d.evidence,
      links: d.links,
      decision: d.decision,
      decidedBy: person(d.decidedBy)!,
      approvedBy: person(d.approvedBy),
      forecast: d.forecast as ForecastSnapshot,
      at: d.createdAt.toISOString(),
    })),
  };
}
