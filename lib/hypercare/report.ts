import "server-only";
import { db } from "@/lib/db/client";
import { listGoDecisions } from "@/lib/signoff/go-queries";
import { listLaunchWindows } from "@/lib/windows/queries";
import { evaluateCriterion } from "./criteria";
import { loadHypercare } from "./queries";
import { runbookVariance, type Variance } from "./variance";

// The closing report (post-implementation review): what was planned against what happened, read once
// on the server for the printable page. Authorization is the page's (loadLaunchPage) before this runs.

export type RunbookSection = { present: false } | { present: true; runStart: string; runEnd: string | null; variance: Variance };

async function loadRunbookSection(launchId: string): Promise<RunbookSection> {
  const runbook = await db.runbook.findUnique({ where: { launchId }, select: { id: true } });
  if (!runbook) return { present: false };
  const run = await db.runbookRun.findFirst({
    where: { runbookId: runbook.id, kind: "LIVE" },
    orderBy: { createdAt: "desc" },
    select: {
      startAt: true, endedAt: true, plannedMin: true,
      executions: { select: { status: true, actualStart: true, actualEnd: true, task: { select: { id: true, title: true, durationMin: true, position: true } } } },
    },
  });
  if (!run) return { present: false };
  const planned = (run.plannedMin ?? {}) as Record<string, unknown>;
  const tasks = [...run.executions]
    .sort((a, b) => a.task.position - b.task.position)
    .map((e) => ({
      title: e.task.title,
      plannedMin: typeof planned[e.task.id] === "number" ? (planned[e.task.id] as number) : e.task.durationMin,
      actualStart: e.actualStart?.toISOString() ?? null,
      actualEnd: e.actualEnd?.toISOString() ?? null,
      status: e.status,
    }));
  return { present: true, runStart: run.startAt.toISOString(), runEnd: run.endedAt?.toISOString() ?? null, variance: runbookVariance(tasks) };
}

export async function loadClosingReport(launchId: string) {
  const [launch, hypercare, windows, goDecisions, signoffs, statusMoves, runbook] = await Promise.all([
    db.launch.findUniqueOrThrow({ where: { id: launchId }, select: { name: true, system: true, status: true, timeZone: true } }),
    loadHypercare(launchId),
    listLaunchWindows(launchId),
    listGoDecisions(launchId),
    db.signoffDecision.findMany({
      where: { launchId },
      orderBy: { createdAt: "asc" },
      select: { id: true, decision: true, comment: true, createdAt: true, staleAt: true, withdrawnAt: true, group: { select: { name: true } }, approver: { select: { name: true } } },
    }),
    db.event.findMany({ where: { launchId, type: "launch.status_changed" }, orderBy: { id: "asc" }, select: { at: true, payload: true } }),
    loadRunbookSection(launchId),
  ]);
  const movedTo = (status: string) => {
    const e = statusMoves.findLast((m) => (m.payload as { to?: string }).to === status);
    return e ? e.at.toISOString() : null;
  };
  const window = windows.find((w) => w.status === "COMPLETED") ?? windows.find((w) => w.status !== "CANCELLED") ?? null;
  const record = hypercare.hypercare;
  const evaluatedAt = new Date(record?.closedAt ?? Date.now());
  const criteria = record
    ? hypercare.criteria.map((c) => ({ ...c, evaluation: evaluateCriterion(c, { startedAt: new Date(record.startedAt), incidents: hypercare.incidents, now: evaluatedAt }) }))
    : [];
  return {
    launch,
    window,
    actual: { windowOpened: window?.actualStart ?? movedTo("IN_WINDOW"), live: movedTo("LIVE"), windowEnded: window?.actualEnd ?? null },
    hypercare: record,
    criteria,
    incidents: [...hypercare.incidents].reverse(),
    goDecisions: [...goDecisions].reverse(),
    signoffs: signoffs.map((s) => ({
      id: s.id, group: s.group.name, approver: s.approver.name, decision: s.decision, comment: s.comment, at: s.createdAt.toISOString(),
      state: s.withdrawnAt ? "withdrawn" : s.staleAt ? "stale" : "current",
    })),
    runbook,
  };
}

export type ClosingReport = Awaited<ReturnType<typeof loadClosingReport>>;
