// A runbook plan before it has ids (a template or a CSV file): tasks keyed by a short key, dependencies
// by those keys. Client-safe; inserted by lib/runbook/commands.ts insertPlan.
import type { TaskType } from "./dto";

export type PlanInput = {
  streams: string[];
  tasks: {
    key: string;
    stream: string;
    title: string;
    type: TaskType;
    durationMin: number;
    fixedStart: Date | null;
    critical: boolean;
    notes: string;
    links: string[];
    assigneeIds: string[];
  }[];
  deps: { from: string; to: string; type: "FS" | "SS"; lagMin: number }[];
};
