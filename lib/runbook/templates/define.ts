// Runbook templates are written as plain data: streams of tasks keyed by a short key, predecessors named
// by key with "KEY" (finish-to-start), "KEY:SS" (start-to-start) and an optional lag ("KEY+10", "KEY:SS-5").
import type { TaskType } from "../dto";
import type { PlanInput } from "../plan-input";

export type TemplateTask = {
  key: string;
  title: string;
  min: number;
  type?: TaskType;
  critical?: boolean;
  notes?: string;
  after?: string[];
};

export type RunbookTemplate = {
  key: "web-platform-cutover" | "database-migration";
  name: string;
  description: string;
  rollbackMin: number;
  bufferMin: number;
  streams: { name: string; tasks: TemplateTask[] }[];
};

const REF = /^([A-Za-z0-9_-]+)(?::(FS|SS))?([+-]\d+)?$/;

/** Parses "KEY", "KEY:SS", "KEY+10", "KEY:SS-5". */
export function parseRef(ref: string): { key: string; type: "FS" | "SS"; lagMin: number } | null {
  const m = REF.exec(ref.trim());
  if (!m) return null;
  return { key: m[1], type: (m[2] as "FS" | "SS" | undefined) ?? "FS", lagMin: m[3] ? Number(m[3]) : 0 };
}

export function toPlan(t: RunbookTemplate): PlanInput {
  const tasks: PlanInput["tasks"] = [];
  const deps: PlanInput["deps"] = [];
  for (const stream of t.streams) {
    for (const task of stream.tasks) {
      tasks.push({
        key: task.key, stream: stream.name, title: task.title, type: task.type ?? "NORMAL", durationMin: task.min,
        fixedStart: null, critical: task.critical ?? false, notes: task.notes ?? "", links: [], assigneeIds: [],
      });
      for (const ref of task.after ?? []) {
        const r = parseRef(ref);
        if (!r) throw new Error(`Template ${t.key}: bad predecessor “${ref}” on ${task.key}`);
        deps.push({ from: r.key, to: task.key, type: r.type, lagMin: r.lagMin });
      }
    }
  }
  return { streams: t.streams.map((s) => s.name), tasks, deps };
}
