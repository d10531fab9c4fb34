"use client";
import { Pencil, X } from "lucide-react";
import { useId, useState } from "react";
import { addDependencyAction, deleteDependencyAction, deleteTaskAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Sheet } from "@/components/checklist/sheet";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { RunbookDependencyDto, RunbookDto, RunbookTaskDto } from "@/lib/runbook/dto";
import { ConfirmButton } from "./confirm-button";
import { STATUS_LABEL, STATUS_TONE, TYPE_LABEL } from "./status";
import { TaskForm } from "./task-form";
import { clock, minutes, tMinus } from "./time";
import type { RunbookForecast } from "./use-runbook";

function depLabel(d: RunbookDependencyDto, from: string) {
  const lag = d.lagMin === 0 ? "" : d.lagMin > 0 ? ` +${d.lagMin} min` : ` −${-d.lagMin} min`;
  return `${from} (${d.type === "FS" ? "finish→start" : "start→start"}${lag})`;
}

function Predecessor({ dep, title, launchId, editable }: { dep: RunbookDependencyDto; title: string; launchId: string; editable: boolean }) {
  const { run, pending } = useAction();
  return (
    <li className="flex items-center gap-1" data-saving={pending || undefined}>
      <span className="min-w-0 break-words">{depLabel(dep, title)}</span>
      {editable && (
        <button
          type="button"
          className="rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-50 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          aria-label={`Remove dependency on ${title}`}
          disabled={pending}
          onClick={() => run(() => deleteDependencyAction({ launchId, dependencyId: dep.id }), { success: "Dependency removed." })}
        >
          <X className="size-3.5" aria-hidden />
        </button>
      )}
    </li>
  );
}

function TaskRow({ dto, task, forecast, launchId, editable, onEdit }: { dto: RunbookDto; task: RunbookTaskDto; forecast: RunbookForecast; launchId: string; editable: boolean; onEdit: () => void }) {
  const { run, pending } = useAction();
  const planned = forecast.planned.get(task.id);
  const byId = new Map(dto.tasks.map((t) => [t.id, t.title]));
  const preds = dto.dependencies.filter((d) => d.toId === task.id);
  const windowStart = dto.window ? new Date(dto.window.start) : null;
  return (
    <tr data-testid="plan-task" data-task-title={task.title} data-saving={pending || undefined} className="align-top">
      <td className="px-3 py-2">
        <div className="font-medium break-words">{task.title}</div>
        <div className="mt-0.5 flex flex-wrap gap-1 text-xs text-zinc-600 dark:text-zinc-400">
          <span>{TYPE_LABEL[task.type]}</span>
          {task.critical && <span>· confirm to start</span>}
          {task.fixedStart && <span>· not before {clock(new Date(task.fixedStart), dto.timeZone)}</span>}
        </div>
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{minutes(task.durationMin)}</td>
      <td className="px-3 py-2 tabular-nums">
        {planned ? (
          <>
            {clock(planned.plannedStart, dto.timeZone)}
            {windowStart && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{tMinus(planned.plannedStart, windowStart)}</span>}
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        {planned ? (
          planned.critical ? (
            <Badge tone="accent">Critical</Badge>
          ) : (
            <span className={planned.totalFloatMin < 0 ? "text-red-700 dark:text-red-300" : undefined}>{minutes(planned.totalFloatMin)}</span>
          )
        ) : (
          "—"
        )}
      </td>
      <td className="px-3 py-2 text-xs">
        {preds.length === 0 ? (
          <span className="text-zinc-600 dark:text-zinc-400">None</span>
        ) : (
          <ul className="space-y-0.5">
            {preds.map((d) => (
              <Predecessor key={d.id} dep={d} title={byId.get(d.fromId) ?? "?"} launchId={launchId} editable={editable} />
            ))}
          </ul>
        )}
      </td>
      <td className="px-3 py-2 text-xs">{task.assignees.map((a) => a.name).join(", ") || <span className="text-zinc-600 dark:text-zinc-400">Nobody</span>}</td>
      <td className="px-3 py-2">
        <Badge tone={STATUS_TONE[task.status]}>{STATUS_LABEL[task.status]}</Badge>
      </td>
      {editable && (
        <td className="px-3 py-2">
          <div className="flex justify-end gap-1">
            <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${task.title}`}>
              <Pencil className="size-4" aria-hidden />
            </Button>
            <ConfirmButton size="sm" confirmLabel="Confirm delete" aria-label={`Delete ${task.title}`} disabled={pending} onConfirm={() => run(() => deleteTaskAction({ launchId, taskId: task.id }), { success: "Task deleted." })}>
              Delete
            </ConfirmButton>
          </div>
        </td>
      )}
    </tr>
  );
}

function DependencyForm({ dto, launchId }: { dto: RunbookDto; launchId: string }) {
  const { run, pending, errors } = useAction();
  const p = useId();
  const [dep, setDep] = useState({ fromId: "", toId: "", type: "FS" as "FS" | "SS", lagMin: "0" });
  const message = [...(errors._form ?? []), ...(errors.toId ?? []), ...(errors.fromId ?? []), ...(errors.lagMin ?? [])];
  return (
    <form
      aria-label="Add a dependency"
      className="grid gap-2 border-t border-zinc-200 p-4 sm:grid-cols-[1fr_1fr_auto_auto_auto] sm:items-end dark:border-zinc-800"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        run(() => addDependencyAction({ launchId, fromId: dep.fromId, toId: dep.toId, type: dep.type, lagMin: Number(dep.lagMin) }), {
          success: "Dependency added.",
          showsFieldErrors: true,
          onSuccess: () => setDep((d) => ({ ...d, toId: "" })),
        });
      }}
    >
      <div>
        <label htmlFor={`${p}-from`} className="block text-sm font-medium">After task</label>
        <Select id={`${p}-from`} value={dep.fromId} onChange={(e) => setDep({ ...dep, fromId: e.target.value })} required>
          <option value="">Choose…</option>
          {dto.tasks.map((t) => (
            <option key={t.id} value={t.id}>{t.title}</option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor={`${p}-to`} className="block text-sm font-medium">Comes task</label>
        <Select id={`${p}-to`} value={dep.toId} onChange={(e) => setDep({ ...dep, toId: e.target.value })} required>
          <option value="">Choose…</option>
          {dto.tasks.filter((t) => t.id !== dep.fromId).map((t) => (
            <option key={t.id} value={t.id}>{t.title}</option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor={`${p}-type`} className="block text-sm font-medium">When</label>
        <Select id={`${p}-type`} value={dep.type} onChange={(e) => setDep({ ...dep, type: e.target.value as "FS" | "SS" })}>
          <option value="FS">it finishes</option>
          <option value="SS">it starts</option>
        </Select>
      </div>
      <div className="w-28">
        <label htmlFor={`${p}-lag`} className="block text-sm font-medium">Lag (min)</label>
        <Input id={`${p}-lag`} type="number" min={-10080} max={10080} value={dep.lagMin} onChange={(e) => setDep({ ...dep, lagMin: e.target.value })} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending || !dep.fromId || !dep.toId}>
        {pending ? "Saving…" : "Add dependency"}
      </Button>
      {message.length > 0 && (
        <p role="alert" className="text-sm font-medium text-red-600 sm:col-span-5 dark:text-red-400">{message.join(" ")}</p>
      )}
    </form>
  );
}

/** The plan as a table: every task with its planned start, float and predecessors; managers edit it here. */
export function TaskTable({ dto, forecast, launchId, editable }: { dto: RunbookDto; forecast: RunbookForecast; launchId: string; editable: boolean }) {
  const [editing, setEditing] = useState<RunbookTaskDto | null>(null);
  const streams = [...dto.streams].sort((a, b) => a.position - b.position);
  const fit = forecast.plan;
  return (
    <Card aria-labelledby="plan-tasks">
      <CardHeader
        id="plan-tasks"
        title="Tasks"
        description={fit ? `Planned end ${clock(fit.plannedEnd, dto.timeZone)}: ${fit.slackMin >= 0 ? `${minutes(fit.slackMin)} before` : `${minutes(-fit.slackMin)} after`} the window end.` : `Times in ${dto.timeZone}.`}
      />
      {/* relative: the sr-only headers are absolutely positioned and would otherwise escape the clip and widen the page. */}
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[48rem] text-sm">
          <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Task</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Duration</th>
              <th scope="col" className="px-3 py-2 font-medium">Planned start</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Float</th>
              <th scope="col" className="px-3 py-2 font-medium">After</th>
              <th scope="col" className="px-3 py-2 font-medium">Assignees</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              {editable && <th scope="col" className="px-3 py-2 text-right font-medium"><span className="sr-only">Actions</span></th>}
            </tr>
          </thead>
          {streams.map((s) => {
            const tasks = dto.tasks.filter((t) => t.streamId === s.id).sort((a, b) => a.position - b.position);
            return (
              <tbody key={s.id} className="divide-y divide-zinc-100 border-t border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
                <tr>
                  <th scope="rowgroup" colSpan={editable ? 8 : 7} className="bg-zinc-50 px-3 py-1.5 text-left text-xs font-semibold uppercase tracking-wide text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300">
                    {s.name}
                  </th>
                </tr>
                {tasks.length === 0 ? (
                  <tr>
                    <td colSpan={editable ? 8 : 7} className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">No tasks in this stream.</td>
                  </tr>
                ) : (
                  tasks.map((t) => <TaskRow key={t.id} dto={dto} task={t} forecast={forecast} launchId={launchId} editable={editable} onEdit={() => setEditing(t)} />)
                )}
              </tbody>
            );
          })}
        </table>
      </div>
      {editable && dto.tasks.length > 1 && <DependencyForm dto={dto} launchId={launchId} />}
      <Sheet open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title={editing ? `Edit ${editing.title}` : "Edit task"} side="right">
        {editing && <TaskForm key={editing.id} dto={dto} launchId={launchId} task={dto.tasks.find((t) => t.id === editing.id) ?? editing} onDone={() => setEditing(null)} />}
      </Sheet>
    </Card>
  );
}
