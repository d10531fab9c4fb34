import type { RunbookDto, RunbookTaskDto } from "@/lib/runbook/dto";

const finished = (t: RunbookTaskDto) => t.status === "DONE" || t.status === "SKIPPED";
const started = (t: RunbookTaskDto) => t.status !== "NOT_STARTED";

/** The predecessors that still hold `task` back: finish-to-start ones not finished, start-to-start ones not started. */
export function waitingFor(dto: RunbookDto, task: RunbookTaskDto): RunbookTaskDto[] {
  const byId = new Map(dto.tasks.map((t) => [t.id, t]));
  const out: RunbookTaskDto[] = [];
  for (const d of dto.dependencies) {
    if (d.toId !== task.id) continue;
    const from = byId.get(d.fromId);
    if (from && !(d.type === "FS" ? finished(from) : started(from))) out.push(from);
  }
  return out;
}

/** Not started and nothing upstream holds it back (a fixed start may still ask it to wait). */
export function isStartable(dto: RunbookDto, task: RunbookTaskDto): boolean {
  return task.status === "NOT_STARTED" && waitingFor(dto, task).length === 0;
}
