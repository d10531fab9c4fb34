// Runbook timing inputs and outputs. Pure data: no Next, no Prisma (the data layer maps rows to these).
// All times are instants (Date in, epoch ms inside), so a window across a DST change lasts its real length.

export type Task = {
  id: string;
  /** Shown in error messages (a cycle is named by titles); the id is used when absent. */
  title?: string;
  stream: string;
  durationMin: number;
  /** "Not before": the task may not start earlier than this instant. */
  fixedStart?: Date;
  actualStart?: Date;
  actualEnd?: Date;
  skipped?: boolean;
};

/** FS: `to` starts lagMin after `from` finishes. SS: `to` starts lagMin after `from` starts. */
export type Dependency = { from: string; to: string; type: "FS" | "SS"; lagMin: number };

export type TimeWindow = { start: Date; end: Date };

export type TaskTiming = {
  id: string;
  plannedStart: Date;
  plannedEnd: Date;
  lateStart: Date;
  lateFinish: Date;
  /** Minutes the task can slip without pushing the runbook past the window end (negative: it does not fit). */
  totalFloatMin: number;
  critical: boolean;
};

export type LiveTiming = {
  id: string;
  state: "done" | "running" | "not-started" | "skipped";
  forecastStart: Date;
  forecastEnd: Date;
  /** lateFinish − forecastEnd, in minutes. */
  floatMin: number;
  critical: boolean;
  /** forecastEnd − plannedEnd when positive, else 0; always inheritedMin + ownMin. */
  delayMin: number;
  /** How much later its predecessors let it start than planned (capped at the delay). */
  inheritedDelayMin: number;
  ownDelayMin: number;
};

export type Plan = {
  tasks: TaskTiming[];
  /** Ids of the critical tasks (float equal to the runbook's slack), in topological order. */
  criticalPath: string[];
  plannedEnd: Date;
  /** windowEnd − plannedEnd in minutes (negative: the plan does not fit). */
  slackMin: number;
  live?: LivePlan;
};

export type LivePlan = {
  now: Date;
  tasks: LiveTiming[];
  criticalPath: string[];
  forecastEnd: Date;
  slackMin: number;
  /** The late tasks (delayMin > 0), in topological order. */
  late: LiveTiming[];
};
