import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import { can, canExecuteTask, type Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runLaunchCommand, type LaunchCtx } from "@/lib/server/command";
import { canTransition, transitionError, type LaunchState } from "@/lib/signoff/lifecycle";
import { formatInZone } from "@/lib/time/format";
import { measuredWindow } from "@/lib/windows/measured";
import { parseRunbookCsv, type CsvRowError } from "./csv";
import type { ExecutionResult, RunbookTemplateKey, TaskStatus } from "./dto";
import { validateGraph } from "./graph";
import type * as S from "./schema";
import { RUNBOOK_MAX_DEPENDENCIES, RUNBOOK_MAX_STREAMS, RUNBOOK_MAX_TASKS } from "./schema";
import type { PlanInput } from "./plan-input";
import { runbookTemplate } from "./templates";

// Every runbook change goes through runLaunchCommand (authorized in the transaction, audited, streamed as
// `runbook.*` events). Each command locks the runbook row first, so changes to one runbook are serialised:
// a cycle check sees every edge, and two people tapping "finish" on one task make one action.

type In<T extends z.ZodType> = z.output<T>;
export type { ExecutionResult };

async function lockRunbook(tx: Tx, launchId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "runbook" WHERE launch_id = ${launchId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError("This launch has no runbook yet.");
  return tx.runbook.findUniqueOrThrow({ where: { id: rows[0].id } });
}

/** The answer an operation id already got, if it was seen (a retried tap). */
async function replay<T>(tx: Tx, runbookId: string, opId: string): Promise<T | null> {
  const op = await tx.runbookOperation.findUnique({ where: { runbookId_opId: { runbookId, opId } } });
  return op ? (op.result as T) : null;
}

async function remember(tx: Tx, runbookId: string, opId: string, result: unknown) {
  await tx.runbookOperation.create({ data: { runbookId, opId, result: result as Prisma.InputJsonValue } });
}

/** Runs `fn` once per operation id: a retry returns the first answer and changes nothing. */
async function once<T>(tx: Tx, runbookId: string, opId: string, fn: () => Promise<T>): Promise<T> {
  const seen = await replay<T>(tx, runbookId, opId);
  if (seen !== null) return seen;
  const result = await fn();
  await remember(tx, runbookId, opId, result);
  return result;
}

async function windowOf(tx: Tx, launchId: string, now: Date) {
  const windows = await tx.deploymentWindow.findMany({
    where: { launchId, OR: [{ status: "IN_PROGRESS" }, { status: { in: ["SCHEDULED", "PROPOSED"] }, endsAt: { gt: now } }] },
    select: { id: true, startsAt: true, endsAt: true, status: true },
  });
  return measuredWindow(windows.map((w) => ({ ...w, start: w.startsAt, end: w.endsAt })), now);
}

async function assertAssignable(tx: Tx, launchId: string, userIds: readonly string[]) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return ids;
  const ok = await tx.member.findMany({ where: { launchId, userId: { in: ids }, role: { in: ["MANAGER", "ENGINEER"] } }, select: { userId: true } });
  if (ok.length !== ids.length) throw new ValidationError("Assignees must be managers or engineers of this launch.", { assigneeIds: ["Choose managers or engineers of this launch"] });
  return ids;
}

async function assertGraph(tx: Tx, runbookId: string, extra?: { from: string; to: string; type: "FS" | "SS"; lagMin: number }, without?: string) {
  // One after the other: a transaction is one connection, so there is nothing to overlap, and pg 9 refuses a
  // query sent while another is running on the same client.
  const tasks = await tx.runbookTask.findMany({ where: { runbookId }, select: { id: true, title: true, durationMin: true, streamId: true } });
  const deps = await tx.runbookDependency.findMany({ where: { runbookId }, select: { id: true, fromId: true, toId: true, type: true, lagMin: true } });
  const edges = deps.filter((d) => d.id !== without).map((d) => ({ from: d.fromId, to: d.toId, type: d.type, lagMin: d.lagMin }));
  if (extra) edges.push(extra);
  const check = validateGraph(tasks.map((t) => ({ id: t.id, title: t.title, stream: t.streamId, durationMin: t.durationMin })), edges);
  if (!check.ok) throw new ValidationError(check.error, { toId: [check.error] });
}

// ---------------------------------------------------------------------------------------------------
// Structure (managers)

/** Inserts a validated plan (template or CSV) into an empty runbook, in a handful of statements. */
export async function insertPlan(tx: Tx, runbookId: string, plan: PlanInput) {
  if (plan.tasks.length > RUNBOOK_MAX_TASKS) throw new ValidationError(`A runbook holds at most ${RUNBOOK_MAX_TASKS} tasks (this has ${plan.tasks.length}).`);
  if (plan.deps.length > RUNBOOK_MAX_DEPENDENCIES) throw new ValidationError(`A runbook holds at most ${RUNBOOK_MAX_DEPENDENCIES} dependencies (this has ${plan.deps.length}).`);
  const check = validateGraph(plan.tasks.map((t) => ({ id: t.key, title: t.title, stream: t.stream, durationMin: t.durationMin })), plan.deps);
  if (!check.ok) throw new ValidationError(check.error);
  const streamIds = new Map(plan.streams.map((name) => [name, randomUUID()]));
  const taskIds = new Map(plan.tasks.map((t) => [t.key, randomUUID()]));
  await tx.runbookStream.createMany({ data: plan.streams.map((name, position) => ({ id: streamIds.get(name)!, runbookId, name, position })) });
  await tx.runbookTask.createMany({
    data: plan.tasks.map((t, position) => ({
      id: taskIds.get(t.key)!, runbookId, streamId: streamIds.get(t.stream)!, position, title: t.title, type: t.type,
      durationMin: t.durationMin, fixedStart: t.fixedStart, critical: t.critical, notes: t.notes, links: t.links,
    })),
  });
  const assignees = plan.tasks.flatMap((t) => [...new Set(t.assigneeIds)].map((userId) => ({ taskId: taskIds.get(t.key)!, userId })));
  if (assignees.length) await tx.runbookAssignee.createMany({ data: assignees });
  if (plan.deps.length) {
    await tx.runbookDependency.createMany({
      data: plan.deps.map((d) => ({ id: randomUUID(), runbookId, fromId: taskIds.get(d.from)!, toId: taskIds.get(d.to)!, type: d.type, lagMin: d.lagMin })),
    });
  }
  return { tasks: plan.tasks.length, dependencies: plan.deps.length };
}

export async function createRunbook(actor: Actor, input: In<typeof S.createRunbookSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    await tx.$queryRaw`SELECT id FROM "launch" WHERE id = ${launch.id} FOR UPDATE`;
    if (await tx.runbook.findUnique({ where: { launchId: launch.id }, select: { id: true } })) throw new ConflictError("This launch already has a runbook.");
    const made = await createRunbookInTx(tx, launch.id, input.templateKey);
    emit({ type: "runbook.created", payload: made });
    return { runbookId: made.runbookId };
  });
  return result;
}

/** A runbook (blank or from a template) with its LIVE run, inside the caller's transaction. */
export async function createRunbookInTx(tx: Tx, launchId: string, templateKey: RunbookTemplateKey | "blank") {
  const template = templateKey !== "blank" ? runbookTemplate(templateKey) : null;
  const runbook = await tx.runbook.create({ data: { launchId, rollbackMin: template?.rollbackMin ?? 0, bufferMin: template?.bufferMin ?? 0 } });
  const window = await windowOf(tx, launchId, new Date());
  await tx.runbookRun.create({ data: { runbookId: runbook.id, kind: "LIVE", revision: 1, startAt: window?.startsAt ?? new Date() } });
  const counts = template ? await insertPlan(tx, runbook.id, template.plan) : { tasks: 0, dependencies: 0 };
  return { runbookId: runbook.id, template: template?.name ?? null, ...counts };
}

export async function updateRunbookSettings(actor: Actor, input: In<typeof S.runbookSettingsSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    if (rb.version !== input.version) {
      throw new ConflictError(`Someone changed the rollback settings meanwhile (now ${rb.rollbackMin} min rollback, ${rb.bufferMin} min buffer). Check, then save again.`, { rollbackMin: rb.rollbackMin, bufferMin: rb.bufferMin, version: rb.version });
    }
    const row = await tx.runbook.update({ where: { id: rb.id }, data: { rollbackMin: input.rollbackMin, bufferMin: input.bufferMin, version: { increment: 1 } } });
    emit({ type: "runbook.settings_changed", payload: { runbookId: rb.id, rollbackMin: input.rollbackMin, bufferMin: input.bufferMin } });
    return { version: row.version };
  });
  return result;
}

export async function setRunbookRequired(actor: Actor, input: In<typeof S.runbookRequiredSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    await tx.launch.update({ where: { id: launch.id }, data: { runbookRequired: input.required } });
    emit({ type: "runbook.required_changed", payload: { required: input.required } });
    return { required: input.required };
  });
  return result;
}

export async function addStream(actor: Actor, input: In<typeof S.addStreamSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const streams = await tx.runbookStream.findMany({ where: { runbookId: rb.id }, select: { name: true, position: true } });
    if (streams.length >= RUNBOOK_MAX_STREAMS) throw new ValidationError(`A runbook holds at most ${RUNBOOK_MAX_STREAMS} streams.`);
    if (streams.some((s) => s.name === input.name)) throw new ValidationError(`There is already a stream “${input.name}”.`, { name: ["Choose another name"] });
    const row = await tx.runbookStream.create({ data: { runbookId: rb.id, name: input.name, position: Math.max(-1, ...streams.map((s) => s.position)) + 1 } });
    emit({ type: "runbook.stream_added", payload: { runbookId: rb.id, streamId: row.id, name: row.name } });
    return { id: row.id, version: row.version };
  });
  return result;
}

export async function renameStream(actor: Actor, input: In<typeof S.renameStreamSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const stream = await tx.runbookStream.findFirst({ where: { id: input.streamId, runbookId: rb.id } });
    if (!stream) throw new NotFoundError("That stream is not on this runbook any more.");
    if (stream.version !== input.version) throw new ConflictError(`Someone renamed this stream to “${stream.name}” meanwhile.`, { name: stream.name, version: stream.version });
    if (stream.name !== input.name && (await tx.runbookStream.findFirst({ where: { runbookId: rb.id, name: input.name }, select: { id: true } }))) {
      throw new ValidationError(`There is already a stream “${input.name}”.`, { name: ["Choose another name"] });
    }
    const row = await tx.runbookStream.update({ where: { id: stream.id }, data: { name: input.name, version: { increment: 1 } } });
    emit({ type: "runbook.stream_renamed", payload: { runbookId: rb.id, streamId: row.id, from: stream.name, to: row.name } });
    return { id: row.id, version: row.version };
  });
  return result;
}

export async function deleteStream(actor: Actor, input: In<typeof S.deleteStreamSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const stream = await tx.runbookStream.findFirst({ where: { id: input.streamId, runbookId: rb.id }, include: { _count: { select: { tasks: true } } } });
    if (!stream) throw new NotFoundError("That stream is not on this runbook any more.");
    if (stream._count.tasks > 0) throw new ConflictError(`“${stream.name}” still holds ${stream._count.tasks} task${stream._count.tasks === 1 ? "" : "s"}: move or delete them first.`);
    await tx.runbookStream.delete({ where: { id: stream.id } });
    emit({ type: "runbook.stream_deleted", payload: { runbookId: rb.id, streamId: stream.id, name: stream.name } });
    return { id: stream.id };
  });
  return result;
}

type TaskFields = In<typeof S.taskFieldsSchema>;

async function taskData(tx: Tx, launchId: string, runbookId: string, f: TaskFields) {
  const stream = await tx.runbookStream.findFirst({ where: { id: f.streamId, runbookId }, select: { id: true } });
  if (!stream) throw new ValidationError("That stream is not on this runbook any more.", { streamId: ["Choose a stream"] });
  const assigneeIds = await assertAssignable(tx, launchId, f.assigneeIds);
  return {
    data: { streamId: f.streamId, title: f.title, type: f.type, durationMin: f.durationMin, fixedStart: f.fixedStart ? new Date(f.fixedStart) : null, critical: f.critical, notes: f.notes, links: f.links },
    assigneeIds,
  };
}

export async function addTask(actor: Actor, input: In<typeof S.addTaskSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const count = await tx.runbookTask.count({ where: { runbookId: rb.id } });
    if (count >= RUNBOOK_MAX_TASKS) throw new ValidationError(`A runbook holds at most ${RUNBOOK_MAX_TASKS} tasks.`);
    const { data, assigneeIds } = await taskData(tx, launch.id, rb.id, input);
    const last = await tx.runbookTask.aggregate({ where: { runbookId: rb.id }, _max: { position: true } });
    const row = await tx.runbookTask.create({
      data: { ...data, runbookId: rb.id, position: (last._max.position ?? -1) + 1, assignees: { create: assigneeIds.map((userId) => ({ userId })) } },
    });
    emit({ type: "runbook.task_added", payload: { runbookId: rb.id, taskId: row.id, title: row.title, ...(assigneeIds.length ? { assigneeIds } : {}) } });
    return { id: row.id, version: row.version };
  });
  return result;
}

export async function updateTask(actor: Actor, input: In<typeof S.updateTaskSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const task = await tx.runbookTask.findFirst({ where: { id: input.taskId, runbookId: rb.id } });
    if (!task) throw new NotFoundError("That task is not on this runbook any more.");
    if (task.version !== input.version) {
      throw new ConflictError(`Someone changed “${task.title}” meanwhile (now ${task.durationMin} min). Your edit was not saved; check, then save again.`, { title: task.title, durationMin: task.durationMin, version: task.version });
    }
    const { data, assigneeIds } = await taskData(tx, launch.id, rb.id, input);
    // Who is newly assigned: notifications tell them (lib/notifications), not the ones who already were.
    const before = new Set((await tx.runbookAssignee.findMany({ where: { taskId: task.id }, select: { userId: true } })).map((a) => a.userId));
    const assigneesAdded = assigneeIds.filter((id) => !before.has(id));
    await tx.runbookAssignee.deleteMany({ where: { taskId: task.id } });
    const row = await tx.runbookTask.update({
      where: { id: task.id },
      data: { ...data, version: { increment: 1 }, assignees: { create: assigneeIds.map((userId) => ({ userId })) } },
    });
    const fields = (Object.keys(data) as (keyof typeof data)[]).filter((k) => String(data[k]) !== String(task[k]));
    emit({ type: "runbook.task_updated", payload: { runbookId: rb.id, taskId: row.id, title: row.title, fields, ...(assigneesAdded.length ? { assigneesAdded } : {}) } });
    return { id: row.id, version: row.version };
  });
  return result;
}

export async function deleteTask(actor: Actor, input: In<typeof S.deleteTaskSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const task = await tx.runbookTask.findFirst({ where: { id: input.taskId, runbookId: rb.id }, select: { id: true, title: true } });
    if (!task) throw new NotFoundError("That task is not on this runbook any more.");
    await tx.runbookTask.delete({ where: { id: task.id } });
    emit({ type: "runbook.task_deleted", payload: { runbookId: rb.id, taskId: task.id, title: task.title } });
    return { id: task.id };
  });
  return result;
}

export async function addDependency(actor: Actor, input: In<typeof S.addDependencySchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const ends = await tx.runbookTask.findMany({ where: { runbookId: rb.id, id: { in: [input.fromId, input.toId] } }, select: { id: true, title: true } });
    if (ends.length !== new Set([input.fromId, input.toId]).size) throw new ValidationError("A task of that dependency is not on this runbook any more.", { fromId: ["Choose again"] });
    if (input.fromId === input.toId) throw new ValidationError(`“${ends[0].title}” cannot depend on itself.`, { toId: ["Choose another task"] });
    if ((await tx.runbookDependency.count({ where: { runbookId: rb.id } })) >= RUNBOOK_MAX_DEPENDENCIES) {
      throw new ValidationError(`A runbook holds at most ${RUNBOOK_MAX_DEPENDENCIES} dependencies.`);
    }
    if (await tx.runbookDependency.findFirst({ where: { fromId: input.fromId, toId: input.toId }, select: { id: true } })) {
      throw new ConflictError("That dependency already exists: change its type or lag instead.");
    }
    await assertGraph(tx, rb.id, { from: input.fromId, to: input.toId, type: input.type, lagMin: input.lagMin });
    const row = await tx.runbookDependency.create({ data: { runbookId: rb.id, fromId: input.fromId, toId: input.toId, type: input.type, lagMin: input.lagMin } });
    const title = new Map(ends.map((t) => [t.id, t.title]));
    emit({ type: "runbook.dependency_added", payload: { runbookId: rb.id, dependencyId: row.id, from: title.get(row.fromId), to: title.get(row.toId), type: row.type, lagMin: row.lagMin } });
    return { id: row.id };
  });
  return result;
}

export async function updateDependency(actor: Actor, input: In<typeof S.updateDependencySchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const dep = await tx.runbookDependency.findFirst({ where: { id: input.dependencyId, runbookId: rb.id } });
    if (!dep) throw new NotFoundError("That dependency is not on this runbook any more.");
    const row = await tx.runbookDependency.update({ where: { id: dep.id }, data: { type: input.type, lagMin: input.lagMin } });
    emit({ type: "runbook.dependency_updated", payload: { runbookId: rb.id, dependencyId: row.id, type: row.type, lagMin: row.lagMin } });
    return { id: row.id };
  });
  return result;
}

export async function deleteDependency(actor: Actor, input: In<typeof S.deleteDependencySchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    const dep = await tx.runbookDependency.findFirst({ where: { id: input.dependencyId, runbookId: rb.id } });
    if (!dep) throw new NotFoundError("That dependency is not on this runbook any more.");
    await tx.runbookDependency.delete({ where: { id: dep.id } });
    emit({ type: "runbook.dependency_deleted", payload: { runbookId: rb.id, dependencyId: dep.id } });
    return { id: dep.id };
  });
  return result;
}

/** Replaces nothing: a CSV fills an empty runbook, all or nothing (parse errors come from lib/runbook/csv.ts). */
export async function importPlan(actor: Actor, launchId: string, build: (tx: Tx) => Promise<PlanInput>) {
  const { result } = await runLaunchCommand(actor, launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    if (await tx.runbookTask.count({ where: { runbookId: rb.id } })) throw new ConflictError("The runbook already has tasks: import into an empty runbook.");
    if (await tx.runbookStream.count({ where: { runbookId: rb.id } })) await tx.runbookStream.deleteMany({ where: { runbookId: rb.id } });
    const plan = await build(tx);
    const counts = await insertPlan(tx, rb.id, plan);
    emit({ type: "runbook.imported", payload: { runbookId: rb.id, ...counts } });
    return counts;
  });
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Execution (assignees and managers), idempotent by client operation id

type Exec = "start" | "finish" | "skip" | "fail" | "reopen";
type ExecInput = { launchId: string; runId: string; taskId: string; opId: string; reason?: string; overrideReason?: string };

const VERB: Record<Exec, string> = { start: "started", finish: "finished", skip: "skipped", fail: "failed", reopen: "reopened" };

export async function executeTask(actor: Actor, kind: Exec, input: ExecInput): Promise<ExecutionResult> {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.execute.own", async (ctx) => {
    const { tx, launch } = ctx;
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, () => applyExecution(ctx, rb, kind, input));
  });
  return result;
}

async function applyExecution(ctx: LaunchCtx, rb: { id: string; paused: boolean; message: string }, kind: Exec, input: ExecInput): Promise<ExecutionResult> {
  const { tx, launch, actor, access, emit } = ctx;
  const now = new Date();
  const run = await tx.runbookRun.findFirst({ where: { id: input.runId, runbookId: rb.id } });
  if (!run) throw new NotFoundError("That run is not on this runbook.");
  if (run.endedAt) throw new ConflictError("That rehearsal has ended; reload to see the current run.");
  if (run.kind === "LIVE" && (await tx.runbookRun.findFirst({ where: { runbookId: rb.id, kind: "REHEARSAL", endedAt: null }, select: { id: true } }))) {
    throw new ConflictError("A rehearsal is running: end it before running the live runbook.");
  }
  const task = await tx.runbookTask.findFirst({ where: { id: input.taskId, runbookId: rb.id }, include: { assignees: { select: { userId: true } } } });
  if (!task) throw new NotFoundError("That task is not on this runbook any more.");
  if (!canExecuteTask(actor, access, { assigneeIds: task.assignees.map((a) => a.userId) })) {
    throw new ForbiddenError("Only the task's assignees and the launch's managers can run this task.");
  }
  const exec = await tx.runbookExecution.findUnique({ where: { runId_taskId: { runId: run.id, taskId: task.id } } });
  const from: TaskStatus = (exec?.status ?? "NOT_STARTED") as TaskStatus;
  const same = (status: TaskStatus): ExecutionResult => ({ taskId: task.id, status, repeated: true });
  const manager = can(actor, access, "runbook.edit");

  let to: TaskStatus;
  let data: Prisma.RunbookExecutionUncheckedUpdateInput = {};
  let override: string | null = null;
  switch (kind) {
    case "start": {
      if (from === "RUNNING" || from === "DONE") return same(from);
      if (from !== "NOT_STARTED") throw new ConflictError(`“${task.title}” is ${from.toLowerCase().replace("_", " ")}: reopen it first.`, { status: from });
      if (rb.paused) throw new ConflictError(`The runbook is paused${rb.message ? `: ${rb.message}` : ""}. Nothing starts until a manager resumes it.`);
      const blockers = await waitingOn(tx, run.id, task.id);
      let early: Date | null = null;
      if (task.fixedStart) {
        let notBefore = task.fixedStart;
        if (run.kind === "REHEARSAL") {
          const w = await windowOf(tx, launch.id, run.startAt);
          if (w) notBefore = new Date(task.fixedStart.getTime() + run.startAt.getTime() - w.startsAt.getTime());
        }
        if (now < notBefore) early = notBefore;
      }
      if (early || blockers.length) {
        const why = [
          early ? `may not start before ${formatInZone(early, launch.timeZone, { zone: true })}` : null,
          blockers.length ? `waits for ${blockers.map((b) => `“${b}”`).join(", ")}` : null,
        ].filter(Boolean).join(" and ");
        if (!input.overrideReason) throw new ConflictError(`“${task.title}” ${why}. A manager can start it anyway with a reason.`, { status: from, notBefore: early?.toISOString() ?? null, waitingOn: blockers });
        if (!manager) throw new ForbiddenError(`Only a manager can start “${task.title}” early.`);
        override = input.overrideReason;
      }
      to = "RUNNING";
      data = { status: to, actualStart: now, actualEnd: null, reason: override, startedById: actor.userId, finishedById: null };
      break;
    }
    case "finish":
      if (from === "DONE") return same(from);
      if (from !== "RUNNING") throw new ConflictError(`“${task.title}” is ${from.toLowerCase().replace("_", " ")}: start it before finishing it.`, { status: from });
      to = "DONE";
      data = { status: to, actualEnd: now, finishedById: actor.userId };
      break;
    case "skip":
      if (from === "SKIPPED") return same(from);
      if (from !== "NOT_STARTED" && from !== "RUNNING") throw new ConflictError(`“${task.title}” is ${from.toLowerCase()}: reopen it first.`, { status: from });
      to = "SKIPPED";
      data = { status: to, actualEnd: now, reason: input.reason ?? null, finishedById: actor.userId };
      break;
    case "fail":
      if (task.type !== "VALIDATION") throw new ValidationError(`Only validation tasks can fail; “${task.title}” is not one.`);
      if (from === "FAILED") return same(from);
      if (from !== "NOT_STARTED" && from !== "RUNNING") throw new ConflictError(`“${task.title}” is ${from.toLowerCase()}: reopen it first.`, { status: from });
      to = "FAILED";
      data = { status: to, actualStart: exec?.actualStart ?? now, actualEnd: now, reason: input.reason ?? null, finishedById: actor.userId, ...(exec?.startedById ? {} : { startedById: actor.userId }) };
      break;
    case "reopen":
      if (from === "NOT_STARTED") return same(from);
      // Undo one step: a finished or failed task runs again; a running or skipped one is not started.
      to = (from === "DONE" || from === "FAILED") && exec?.actualStart ? "RUNNING" : "NOT_STARTED";
      data = to === "RUNNING"
        ? { status: to, actualEnd: null, reason: input.reason ?? null, finishedById: null }
        : { status: to, actualStart: null, actualEnd: null, reason: input.reason ?? null, startedById: null, finishedById: null };
      break;
  }
  const planFrozen = run.kind === "LIVE" && Object.keys((run.plannedMin ?? {}) as object).length === 0;
  if (planFrozen) {
    // The live run's plan is the one it started with: later adoptions of rehearsal durations leave it alone.
    const durations = await tx.runbookTask.findMany({ where: { runbookId: rb.id }, select: { id: true, durationMin: true } });
    await tx.runbookRun.update({ where: { id: run.id }, data: { plannedMin: Object.fromEntries(durations.map((d) => [d.id, d.durationMin])) } });
  }
  await tx.runbookExecution.upsert({
    where: { runId_taskId: { runId: run.id, taskId: task.id } },
    create: { ...(data as Prisma.RunbookExecutionUncheckedCreateInput), runId: run.id, taskId: task.id },
    update: data,
  });
  emit({
    type: `runbook.task_${VERB[kind]}`,
    payload: { runbookId: rb.id, runId: run.id, runKind: run.kind, taskId: task.id, title: task.title, from, to, ...(input.reason ? { reason: input.reason } : {}), ...(override ? { override } : {}), ...(planFrozen ? { planFrozen } : {}) },
  });
  return { taskId: task.id, status: to, repeated: false };
}

/** Titles of the predecessors that do not let `taskId` start yet (FS: not done or skipped; SS: not started). */
async function waitingOn(tx: Tx, runId: string, taskId: string): Promise<string[]> {
  const preds = await tx.runbookDependency.findMany({
    where: { toId: taskId },
    select: { type: true, from: { select: { title: true, executions: { where: { runId }, select: { status: true } } } } },
  });
  return preds
    .filter((p) => {
      const status = p.from.executions[0]?.status ?? "NOT_STARTED";
      return p.type === "FS" ? status !== "DONE" && status !== "SKIPPED" : status === "NOT_STARTED";
    })
    .map((p) => p.from.title);
}

// ---------------------------------------------------------------------------------------------------
// Run control (managers)

export async function pauseRunbook(actor: Actor, input: In<typeof S.pauseSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.run", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, async () => {
      if (rb.paused) return { paused: true };
      await tx.runbook.update({ where: { id: rb.id }, data: { paused: true, message: input.message, pausedAt: new Date(), version: { increment: 1 } } });
      emit({ type: "runbook.paused", payload: { runbookId: rb.id, message: input.message } });
      return { paused: true };
    });
  });
  return result;
}

export async function resumeRunbook(actor: Actor, input: In<typeof S.resumeSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.run", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, async () => {
      if (!rb.paused) return { paused: false };
      await tx.runbook.update({ where: { id: rb.id }, data: { paused: false, message: input.message, pausedAt: null, version: { increment: 1 } } });
      emit({ type: "runbook.resumed", payload: { runbookId: rb.id, message: input.message } });
      return { paused: false };
    });
  });
  return result;
}

export async function startRehearsal(actor: Actor, input: In<typeof S.startRehearsalSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.run", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, async () => {
      if (await tx.runbookRun.findFirst({ where: { runbookId: rb.id, kind: "REHEARSAL", endedAt: null }, select: { id: true } })) {
        throw new ConflictError("A rehearsal is already running: end it first.");
      }
      const durations = await tx.runbookTask.findMany({ where: { runbookId: rb.id }, select: { id: true, durationMin: true } });
      if (!durations.length) throw new ValidationError("Add tasks before rehearsing the runbook.");
      const startAt = input.startAt ? new Date(input.startAt) : new Date();
      const run = await tx.runbookRun.create({
        data: { runbookId: rb.id, kind: "REHEARSAL", revision: rb.revision, startAt, plannedMin: Object.fromEntries(durations.map((d) => [d.id, d.durationMin])) },
      });
      emit({ type: "runbook.rehearsal_started", payload: { runbookId: rb.id, runId: run.id, startAt: startAt.toISOString() } });
      return { runId: run.id };
    });
  });
  return result;
}

export async function endRehearsal(actor: Actor, input: In<typeof S.endRehearsalSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.run", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, async () => {
      const run = await tx.runbookRun.findFirst({ where: { id: input.runId, runbookId: rb.id, kind: "REHEARSAL" } });
      if (!run) throw new NotFoundError("That rehearsal is not on this runbook.");
      if (run.endedAt) return { runId: run.id };
      await tx.runbookRun.update({ where: { id: run.id }, data: { endedAt: new Date(), rollbackMeasuredMin: input.rollbackMeasuredMin ?? null } });
      emit({ type: "runbook.rehearsal_ended", payload: { runbookId: rb.id, runId: run.id, rollbackMeasuredMin: input.rollbackMeasuredMin ?? null } });
      return { runId: run.id };
    });
  });
  return result;
}

/** The rehearsal's actual durations become the plan: a new revision; earlier runs keep their own plan. */
export async function adoptRehearsalDurations(actor: Actor, input: In<typeof S.adoptDurationsSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.edit", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, async () => {
      const run = await tx.runbookRun.findFirst({ where: { id: input.runId, runbookId: rb.id, kind: "REHEARSAL" }, include: { executions: true } });
      if (!run) throw new NotFoundError("That rehearsal is not on this runbook.");
      if (!run.endedAt) throw new ConflictError("End the rehearsal before adopting its durations.");
      const measured = run.executions.filter((e) => e.status === "DONE" && e.actualStart && e.actualEnd);
      if (!measured.length) throw new ValidationError("That rehearsal finished no task: there are no durations to adopt.");
      const tasks = new Map((await tx.runbookTask.findMany({ where: { runbookId: rb.id }, select: { id: true, durationMin: true } })).map((t) => [t.id, t.durationMin]));
      let changed = 0;
      for (const e of measured) {
        const minutes = Math.min(7 * 24 * 60, Math.max(0, Math.round((e.actualEnd!.getTime() - e.actualStart!.getTime()) / 60_000)));
        if (!tasks.has(e.taskId) || tasks.get(e.taskId) === minutes) continue;
        await tx.runbookTask.update({ where: { id: e.taskId }, data: { durationMin: minutes, version: { increment: 1 } } });
        changed++;
      }
      const row = await tx.runbook.update({ where: { id: rb.id }, data: { revision: { increment: 1 }, version: { increment: 1 } } });
      // A live run that has not started yet runs against the new plan.
      await tx.runbookRun.updateMany({ where: { runbookId: rb.id, kind: "LIVE", plannedMin: { equals: {} } }, data: { revision: row.revision } });
      emit({ type: "runbook.durations_adopted", payload: { runbookId: rb.id, runId: run.id, revision: row.revision, changed } });
      return { revision: row.revision };
    });
  });
  return result;
}

export async function recordRollbackDecision(actor: Actor, input: In<typeof S.rollbackDecisionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "runbook.run", async ({ tx, launch, emit }) => {
    const rb = await lockRunbook(tx, launch.id);
    return once(tx, rb.id, input.opId, async () => {
      if (input.approvedById) {
        const member = await tx.member.findUnique({ where: { launchId_userId: { launchId: launch.id, userId: input.approvedById } }, select: { role: true } });
        if (!member || member.role === "VIEWER") throw new ValidationError("The approver must be a manager, engineer or approver of this launch.", { approvedById: ["Choose a member"] });
      }
      const from = launch.status as LaunchState;
      const rehearsing = !!(await tx.runbookRun.findFirst({ where: { runbookId: rb.id, kind: "REHEARSAL", endedAt: null }, select: { id: true } }));
      const moves = input.decision === "ROLL_BACK" && !rehearsing;
      if (moves && !canTransition(from, "ROLLED_BACK")) throw new ValidationError(transitionError(from, "ROLLED_BACK") ?? "The launch cannot be rolled back now.");
      const row = await tx.rollbackDecision.create({
        data: {
          launchId: launch.id, runbookId: rb.id, trigger: input.trigger, evidence: input.evidence, links: input.links, decision: input.decision,
          decidedById: actor.userId, approvedById: input.approvedById, forecast: input.forecast as Prisma.InputJsonValue,
        },
      });
      emit({ type: "runbook.rollback_decided", payload: { runbookId: rb.id, decisionId: row.id, decision: input.decision, trigger: input.trigger, rehearsal: rehearsing } });
      let status: string = from;
      if (moves) {
        const moved = await tx.launch.updateMany({ where: { id: launch.id, status: from }, data: { status: "ROLLED_BACK", version: { increment: 1 } } });
        if (moved.count !== 1) throw new ConflictError("Someone moved the launch at the same moment. Reload and decide again.");
        emit({ type: "launch.status_changed", payload: { from, to: "ROLLED_BACK", rollbackDecisionId: row.id } });
        status = "ROLLED_BACK";
      }
      if (input.decision === "HOLD" && !rb.paused) {
        await tx.runbook.update({ where: { id: rb.id }, data: { paused: true, message: `Hold: ${input.trigger}`.slice(0, 1000), pausedAt: new Date(), version: { increment: 1 } } });
        emit({ type: "runbook.paused", payload: { runbookId: rb.id, message: input.trigger, hold: true } });
      }
      return { id: row.id, launchStatus: status };
    });
  });
  return result;
}

// ---------------------------------------------------------------------------------------------------
// CSV import (all or nothing)

function csvFailure(errors: CsvRowError[]): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  for (const e of errors) (fieldErrors[`row ${e.row}${e.field ? `: ${e.field}` : ""}`] ??= []).push(e.message);
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length === 2 ? "" : "s"})` : "";
  return new ValidationError(`Nothing was imported. Row ${first.row}${first.field ? `, ${first.field}` : ""}: ${first.message}${more}`, fieldErrors);
}

export async function importRunbookCsv(actor: Actor, input: In<typeof S.importCsvSchema>) {
  const parsed = parseRunbookCsv(input.csv);
  if (!parsed.ok) throw csvFailure(parsed.errors);
  const { assigneeEmails, rows: _rows, ...plan } = parsed.plan;
  return importPlan(actor, input.launchId, async (tx) => {
    const wanted = [...new Set([...assigneeEmails.values()].flat())];
    const members = wanted.length
      ? await tx.member.findMany({ where: { launchId: input.launchId, role: { in: ["MANAGER", "ENGINEER"] }, user: { email: { in: wanted, mode: "insensitive" } } }, select: { userId: true, user: { select: { email: true } } } })
      : [];
    const idOf = new Map(members.map((m) => [m.user.email.toLowerCase(), m.userId]));
    const errors: CsvRowError[] = [];
    plan.tasks.forEach((t) => {
      const emails = assigneeEmails.get(t.key) ?? [];
      const unknown = emails.filter((e) => !idOf.has(e));
      if (unknown.length) errors.push({ row: parsed.plan.rows.get(t.key) ?? 1, field: "assignee_emails", message: `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not a manager or engineer of this launch.` });
      t.assigneeIds = emails.filter((e) => idOf.has(e)).map((e) => idOf.get(e)!);
    });
    if (errors.length) throw csvFailure(errors);
    return plan;
  });
}
