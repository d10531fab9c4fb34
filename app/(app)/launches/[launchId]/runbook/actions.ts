"use server";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action";
import type { Action } from "@/lib/domain/roles";
import * as C from "@/lib/runbook/commands";
import * as S from "@/lib/runbook/schema";
import { anyInput, parseForLaunchAction } from "@/lib/windows/authorize-input";

// The runbook's server actions (contract: lib/runbook/dto.ts). Thin: who may act is checked before the
// input is judged (parseForLaunchAction), then the command authorizes again inside its transaction.
// No revalidatePath: every change reaches every tab, this one included, through the live stream.

type Saved = { id: string; version: number };

function act<Sc extends z.ZodType, T>(name: string, action: Action, schema: Sc, input: unknown, run: (data: z.output<Sc>, actor: Parameters<typeof C.createRunbook>[0]) => Promise<T>) {
  return runAction(name, anyInput, input, async (raw, actor) => run(await parseForLaunchAction(actor, action, schema, raw), actor));
}

export async function createRunbookAction(input: z.input<typeof S.createRunbookSchema>): Promise<ActionResult<{ runbookId: string }>> {
  return act("createRunbook", "runbook.edit", S.createRunbookSchema, input, (d, a) => C.createRunbook(a, d));
}
export async function updateRunbookSettingsAction(input: z.input<typeof S.runbookSettingsSchema>): Promise<ActionResult<{ version: number }>> {
  return act("updateRunbookSettings", "runbook.edit", S.runbookSettingsSchema, input, (d, a) => C.updateRunbookSettings(a, d));
}
export async function setRunbookRequiredAction(input: z.input<typeof S.runbookRequiredSchema>): Promise<ActionResult<{ required: boolean }>> {
  return act("setRunbookRequired", "runbook.edit", S.runbookRequiredSchema, input, (d, a) => C.setRunbookRequired(a, d));
}
export async function addStreamAction(input: z.input<typeof S.addStreamSchema>): Promise<ActionResult<Saved>> {
  return act("addStream", "runbook.edit", S.addStreamSchema, input, (d, a) => C.addStream(a, d));
}
export async function renameStreamAction(input: z.input<typeof S.renameStreamSchema>): Promise<ActionResult<Saved>> {
  return act("renameStream", "runbook.edit", S.renameStreamSchema, input, (d, a) => C.renameStream(a, d));
}
export async function deleteStreamAction(input: z.input<typeof S.deleteStreamSchema>): Promise<ActionResult<{ id: string }>> {
  return act("deleteStream", "runbook.edit", S.deleteStreamSchema, input, (d, a) => C.deleteStream(a, d));
}
export async function addTaskAction(input: z.input<typeof S.addTaskSchema>): Promise<ActionResult<Saved>> {
  return act("addTask", "runbook.edit", S.addTaskSchema, input, (d, a) => C.addTask(a, d));
}
export async function updateTaskAction(input: z.input<typeof S.updateTaskSchema>): Promise<ActionResult<Saved>> {
  return act("updateTask", "runbook.edit", S.updateTaskSchema, input, (d, a) => C.updateTask(a, d));
}
export async function deleteTaskAction(input: z.input<typeof S.deleteTaskSchema>): Promise<ActionResult<{ id: string }>> {
  return act("deleteTask", "runbook.edit", S.deleteTaskSchema, input, (d, a) => C.deleteTask(a, d));
}
export async function addDependencyAction(input: z.input<typeof S.addDependencySchema>): Promise<ActionResult<{ id: string }>> {
  return act("addDependency", "runbook.edit", S.addDependencySchema, input, (d, a) => C.addDependency(a, d));
}
export async function updateDependencyAction(input: z.input<typeof S.updateDependencySchema>): Promise<ActionResult<{ id: string }>> {
  return act("updateDependency", "runbook.edit", S.updateDependencySchema, input, (d, a) => C.updateDependency(a, d));
}
export async function deleteDependencyAction(input: z.input<typeof S.deleteDependencySchema>): Promise<ActionResult<{ id: string }>> {
  return act("deleteDependency", "runbook.edit", S.deleteDependencySchema, input, (d, a) => C.deleteDependency(a, d));
}
export async function importRunbookCsvAction(input: z.input<typeof S.importCsvSchema>): Promise<ActionResult<{ tasks: number; dependencies: number }>> {
  return act("importRunbookCsv", "runbook.edit", S.importCsvSchema, input, (d, a) => C.importRunbookCsv(a, d));
}

export async function startTaskAction(input: z.input<typeof S.startTaskSchema>): Promise<ActionResult<C.ExecutionResult>> {
  return act("startTask", "runbook.execute.own", S.startTaskSchema, input, (d, a) => C.executeTask(a, "start", d));
}
export async function finishTaskAction(input: z.input<typeof S.finishTaskSchema>): Promise<ActionResult<C.ExecutionResult>> {
  return act("finishTask", "runbook.execute.own", S.finishTaskSchema, input, (d, a) => C.executeTask(a, "finish", d));
}
export async function skipTaskAction(input: z.input<typeof S.skipTaskSchema>): Promise<ActionResult<C.ExecutionResult>> {
  return act("skipTask", "runbook.execute.own", S.skipTaskSchema, input, (d, a) => C.executeTask(a, "skip", d));
}
export async function failTaskAction(input: z.input<typeof S.failTaskSchema>): Promise<ActionResult<C.ExecutionResult>> {
  return act("failTask", "runbook.execute.own", S.failTaskSchema, input, (d, a) => C.executeTask(a, "fail", d));
}
export async function reopenTaskAction(input: z.input<typeof S.reopenTaskSchema>): Promise<ActionResult<C.ExecutionResult>> {
  return act("reopenTask", "runbook.execute.own", S.reopenTaskSchema, input, (d, a) => C.executeTask(a, "reopen", d));
}

export async function pauseRunbookAction(input: z.input<typeof S.pauseSchema>): Promise<ActionResult<{ paused: boolean }>> {
  return act("pauseRunbook", "runbook.run", S.pauseSchema, input, (d, a) => C.pauseRunbook(a, d));
}
export async function resumeRunbookAction(input: z.input<typeof S.resumeSchema>): Promise<ActionResult<{ paused: boolean }>> {
  return act("resumeRunbook", "runbook.run", S.resumeSchema, input, (d, a) => C.resumeRunbook(a, d));
}
export async function startRehearsalAction(input: z.input<typeof S.startRehearsalSchema>): Promise<ActionResult<{ runId: string }>> {
  return act("startRehearsal", "runbook.run", S.startRehearsalSchema, input, (d, a) => C.startRehearsal(a, d));
}
export async function endRehearsalAction(input: z.input<typeof S.endRehearsalSchema>): Promise<ActionResult<{ runId: string }>> {
  return act("endRehearsal", "runbook.run", S.endRehearsalSchema, input, (d, a) => C.endRehearsal(a, d));
}
export async function adoptRehearsalDurationsAction(input: z.input<typeof S.adoptDurationsSchema>): Promise<ActionResult<{ revision: number }>> {
  return act("adoptRehearsalDurations", "runbook.edit", S.adoptDurationsSchema, input, (d, a) => C.adoptRehearsalDurations(a, d));
}
export async function recordRollbackDecisionAction(input: z.input<typeof S.rollbackDecisionSchema>): Promise<ActionResult<{ id: string; launchStatus: string }>> {
  return act("recordRollbackDecision", "runbook.run", S.rollbackDecisionSchema, input, (d, a) => C.recordRollbackDecision(a, d));
}
