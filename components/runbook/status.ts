import type { TaskStatus, TaskType } from "@/lib/runbook/dto";

export const STATUS_LABEL: Record<TaskStatus, string> = {
  NOT_STARTED: "Not started",
  RUNNING: "Running",
  DONE: "Done",
  SKIPPED: "Skipped",
  FAILED: "Failed",
};

export const STATUS_TONE = { NOT_STARTED: "grey", RUNNING: "amber", DONE: "green", SKIPPED: "grey", FAILED: "red" } as const satisfies Record<TaskStatus, string>;

export const TYPE_LABEL: Record<TaskType, string> = {
  NORMAL: "Task",
  MILESTONE: "Milestone",
  VALIDATION: "Validation",
  COMMUNICATION: "Communication",
  DECISION: "Decision point",
};
