// What the browser gets of a launch's runbook: plain shapes, ISO strings. Client-safe (no server imports).
// The live forecast is NOT in the DTO: the client computes it from these shapes with the pure core
// (lib/runbook/plan.ts, ponr.ts; see `toTimingInputs` in lib/runbook/from-dto.ts) as time passes, and
// the server does the same once per instance per batch for readiness and the overview.
//
// ---------------------------------------------------------------------------------------------------
// Server actions contract: app/(app)/launches/[launchId]/runbook/actions.ts ("use server"; every one
// returns Promise<ActionResult<T>> from lib/actions/action.ts; inputs are zod-checked, bounded).
// Structure (managers, action "runbook.edit"):
//   createRunbookAction({ launchId, templateKey: RunbookTemplateKey | "blank" })        -> { runbookId }
//   updateRunbookSettingsAction({ launchId, version, rollbackMin, bufferMin })          -> { version }
//   setRunbookRequiredAction({ launchId, required: boolean })                           -> { required }
//   addStreamAction({ launchId, name })                                                 -> { id, version }
//   renameStreamAction({ launchId, streamId, version, name })                           -> { id, version }
//   deleteStreamAction({ launchId, streamId })  (refused while it holds tasks)          -> { id }
//   addTaskAction({ launchId, ...TaskFields })                                          -> { id, version }
//   updateTaskAction({ launchId, taskId, version, ...TaskFields })                      -> { id, version }
//   deleteTaskAction({ launchId, taskId })  (its dependencies go with it)               -> { id }
//   addDependencyAction({ launchId, fromId, toId, type: "FS"|"SS", lagMin })            -> { id }
//       (a cycle is refused: ValidationError naming the cycle by task titles)
//   updateDependencyAction({ launchId, dependencyId, type, lagMin })                    -> { id }
//   deleteDependencyAction({ launchId, dependencyId })                                  -> { id }
//   importRunbookCsvAction({ launchId, csv })  (all-or-nothing into an empty runbook;
//       failure: code "validation", fieldErrors keyed "row 3: duration")               -> { tasks, dependencies }
//   TaskFields = { streamId, title, type: TaskType, durationMin, fixedStart: string|null (ISO instant),
//                  critical: boolean, notes, links: string[], assigneeIds: string[] }
// Execution (assignees of the task and managers, action "runbook.execute"; each takes a client operation
// id `opId` (uuid, made once per tap): a retried tap returns the first answer and records nothing new):
//   startTaskAction({ launchId, runId, taskId, opId, overrideReason?: string })         -> ExecutionResult
//       (a fixed-start task before its time: refused unless a manager gives overrideReason)
//   finishTaskAction({ launchId, runId, taskId, opId })                                 -> ExecutionResult
//   skipTaskAction({ launchId, runId, taskId, opId, reason })                           -> ExecutionResult
//   failTaskAction({ launchId, runId, taskId, opId, reason })  (VALIDATION tasks only)  -> ExecutionResult
//   reopenTaskAction({ launchId, runId, taskId, opId, reason })  (audited undo)         -> ExecutionResult
// Run control (managers, action "runbook.run"):
//   pauseRunbookAction({ launchId, opId, message })                                     -> { paused: true }
//   resumeRunbookAction({ launchId, opId, message })                                    -> { paused: false }
//   startRehearsalAction({ launchId, opId, startAt?: string (ISO; default now) })       -> { runId }
//   endRehearsalAction({ launchId, runId, opId, rollbackMeasuredMin?: number })         -> { runId }
//   adoptRehearsalDurationsAction({ launchId, runId, opId })                            -> { revision }
//   recordRollbackDecisionAction({ launchId, opId, trigger, evidence, links: string[],
//       decision: RollbackDecisionKind, approvedById: string|null, forecast: ForecastSnapshot })
//                                                                                       -> { id, launchStatus }
//       (ROLL_BACK moves the launch to ROLLED_BACK when its lifecycle allows it)
// ExecutionResult = { taskId, status: TaskStatus, repeated: boolean }   (repeated: the opId was seen before,
//   or the task already was in the asked state — two people finishing one task make one action)
// ---------------------------------------------------------------------------------------------------

export const TASK_TYPES = ["NORMAL", "MILESTONE", "VALIDATION", "COMMUNICATION", "DECISION"] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATUSES = ["NOT_STARTED", "RUNNING", "DONE", "SKIPPED", "FAILED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const RUN_KINDS = ["LIVE", "REHEARSAL"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const ROLLBACK_DECISIONS = ["CONTINUE", "ROLL_BACK", "FIX_FORWARD", "HOLD"] as const;
export type RollbackDecisionKind = (typeof ROLLBACK_DECISIONS)[number];

export type RunbookTemplateKey = "web-platform-cutover" | "database-migration";

export type PersonRef = { userId: string; name: string };

/** What every execution action answers. repeated: nothing new was recorded (a retried opId, or the task
 *  already was in the asked state). */
export type ExecutionResult = { taskId: string; status: TaskStatus; repeated: boolean };

export type RunbookStreamDto = { id: string; name: string; position: number; version: number };

export type RunbookTaskDto = {
  id: string;
  streamId: string;
  /** Order inside its stream (table view). */
  position: number;
  title: string;
  type: TaskType;
  durationMin: number;
  /** "Not before" (ISO instant; shown in the launch's zone). */
  fixedStart: string | null;
  /** Starting it asks for a confirmation. */
  critical: boolean;
  notes: string;
  links: string[];
  assignees: PersonRef[];
  version: number;
  // Execution in the CURRENT run (RunbookDto.currentRunId):
  status: TaskStatus;
  actualStart: string | null;
  actualEnd: string | null;
  /** Skip / fail / reopen reason, or the override reason of a fixed-start task started early. */
  reason: string | null;
  startedBy: PersonRef | null;
  finishedBy: PersonRef | null;
};

/** One task's execution as the live delta carries it (the execution fields of RunbookTaskDto). */
export type TaskExecutionDto = Pick<RunbookTaskDto, "status" | "actualStart" | "actualEnd" | "reason" | "startedBy" | "finishedBy"> & { taskId: string };

/** The executions a live batch changed in one run: merged into the cached runbook instead of resending it. */
export type RunbookExecDelta = {
  runId: string;
  executions: TaskExecutionDto[];
  /** The live run's planned durations, frozen by its first execution (RunbookRunDto.plannedMin): only then. */
  plannedMin?: Record<string, number>;
};

/** FS: `toId` starts lagMin after `fromId` finishes. SS: lagMin after it starts. */
export type RunbookDependencyDto = { id: string; fromId: string; toId: string; type: "FS" | "SS"; lagMin: number };

/** One task's execution in a run (compact, for the rehearsal comparison). */
export type RunActualDto = { taskId: string; status: TaskStatus; start: string | null; end: string | null };

export type RunbookRunDto = {
  id: string;
  kind: RunKind;
  /** The plan revision the run was made against. */
  revision: number;
  /** Rehearsal: the instant the plan was shifted to; LIVE: the window start it ran against. */
  startAt: string;
  endedAt: string | null;
  /** Planned durations at the run's start (taskId -> minutes): earlier runs keep their plan. The LIVE run's
   *  is taken at its first execution; empty before that (= the current plan). */
  plannedMin: Record<string, number>;
  /** Rollback measured during this rehearsal, in minutes. */
  rollbackMeasuredMin: number | null;
  actuals: RunActualDto[];
};

export type RollbackSettingsDto = {
  /** Entered by a manager. */
  rollbackMin: number;
  bufferMin: number;
  /** Measured in the last ended rehearsal that recorded one; when set, PONR uses it instead of rollbackMin. */
  measuredRollbackMin: number | null;
  /** measuredRollbackMin ?? rollbackMin. */
  effectiveRollbackMin: number;
};

/** What the forecast said when a rollback decision was recorded (client-computed, stored as given). */
export type ForecastSnapshot = {
  forecastEnd: string | null;
  slackMin: number | null;
  pointOfNoReturn: string | null;
  rollbackFits: boolean | null;
  lateTasks: number;
};

export type RollbackDecisionDto = {
  id: string;
  trigger: string;
  evidence: string;
  links: string[];
  decision: RollbackDecisionKind;
  decidedBy: PersonRef;
  approvedBy: PersonRef | null;
  forecast: ForecastSnapshot;
  at: string;
};

export type RunbookMetaDto = {
  id: string;
  /** Optimistic-concurrency version of the runbook's settings. */
  version: number;
  /** Plan revision: bumped when rehearsal durations are adopted. */
  revision: number;
  paused: boolean;
  /** Pause / resume message (the last one). */
  message: string;
  pausedAt: string | null;
  updatedAt: string;
};

/** The window the runbook is timed in: the launch's in-progress window, else its next one. */
export type RunbookWindowDto = { id: string; start: string; end: string; timeZone: string; status: string };

export type RunbookDto = {
  launchId: string;
  timeZone: string;
  /** Readiness counts "no runbook" as a reason only when this is on. */
  runbookRequired: boolean;
  /** null: the launch has no runbook yet (then streams/tasks/... are empty). */
  runbook: RunbookMetaDto | null;
  window: RunbookWindowDto | null;
  streams: RunbookStreamDto[];
  tasks: RunbookTaskDto[];
  dependencies: RunbookDependencyDto[];
  /** Every run, oldest first. */
  runs: RunbookRunDto[];
  /** The run executions apply to: an open rehearsal, else the LIVE run (made with the runbook).
   *  null only when runbook is null. */
  currentRunId: string | null;
  rollback: RollbackSettingsDto;
  decisions: RollbackDecisionDto[];
  /** Members who may be assigned (execute tasks). */
  people: PersonRef[];
};

/** Overview / readiness: the point of no return, computed on the server once per batch. */
export type RunbookPonrDto = {
  /** window end − effective rollback − buffer (ISO), null without window or runbook. */
  pointOfNoReturn: string | null;
  windowEnd: string | null;
  forecastEnd: string | null;
  slackMin: number | null;
  /** False once the forecast end passes window end − rollback: rolling back would no longer fit (red). */
  rollbackFits: boolean | null;
  /** When this was computed (the client counts down from pointOfNoReturn itself). */
  computedAt: string;
};
