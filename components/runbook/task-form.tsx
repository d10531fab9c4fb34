"use client";
import { useId, useState } from "react";
import { addTaskAction, updateTaskAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, Input, Select, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { TASK_TYPES, type RunbookDto, type RunbookTaskDto, type TaskType } from "@/lib/runbook/dto";
import { instantToWallClock, wallClockToInstant } from "@/lib/windows/wall-clock";
import { TYPE_LABEL } from "./status";

/** Add or edit one task. A stale edit (someone saved first) is refused with what they changed, and the form stays filled. */
export function TaskForm({ dto, launchId, task, streamId, onDone }: { dto: RunbookDto; launchId: string; task?: RunbookTaskDto; streamId?: string; onDone?: () => void }) {
  const { run, pending, errors } = useAction();
  const p = useId();
  const zone = dto.timeZone;
  const [form, setForm] = useState({
    streamId: task?.streamId ?? streamId ?? dto.streams[0]?.id ?? "",
    title: task?.title ?? "",
    type: (task?.type ?? "NORMAL") as TaskType,
    durationMin: String(task?.durationMin ?? 15),
    fixedStart: task?.fixedStart ? instantToWallClock(new Date(task.fixedStart), zone) : "",
    critical: task?.critical ?? false,
    notes: task?.notes ?? "",
    links: task?.links.join("\n") ?? "",
    assigneeIds: task?.assignees.map((a) => a.userId) ?? [],
  });
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const [localError, setLocalError] = useState<string | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    let fixedStart: string | null = null;
    if (form.fixedStart) {
      try {
        fixedStart = wallClockToInstant(form.fixedStart, zone).toISOString();
      } catch {
        return setLocalError("Enter the time as date and time.");
      }
    }
    setLocalError(null);
    const fields = {
      streamId: form.streamId,
      title: form.title.trim(),
      type: form.type,
      durationMin: Number(form.durationMin),
      fixedStart,
      critical: form.critical,
      notes: form.notes,
      links: form.links.split("\n").map((l) => l.trim()).filter(Boolean),
      assigneeIds: form.assigneeIds,
    };
    run(() => (task ? updateTaskAction({ launchId, taskId: task.id, version: task.version, ...fields }) : addTaskAction({ launchId, ...fields })), {
      success: task ? "Task saved." : "Task added.",
      showsFieldErrors: true,
      onSuccess: () => {
        if (!task) setForm((f) => ({ ...f, title: "", notes: "", links: "", fixedStart: "", critical: false }));
        onDone?.();
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" data-saving={pending || undefined} aria-label={task ? `Edit ${task.title}` : "Add a task"}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${p}-title`} label="Title" errors={errors.title} className="sm:col-span-2">
          <Input {...fieldAria(`${p}-title`, errors.title)} value={form.title} onChange={(e) => set("title", e.target.value)} required maxLength={200} />
        </Field>
        <Field id={`${p}-stream`} label="Stream" errors={errors.streamId}>
          <Select {...fieldAria(`${p}-stream`, errors.streamId)} value={form.streamId} onChange={(e) => set("streamId", e.target.value)} required>
            {dto.streams.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${p}-type`} label="Type" errors={errors.type}>
          <Select {...fieldAria(`${p}-type`, errors.type)} value={form.type} onChange={(e) => set("type", e.target.value as TaskType)}>
            {TASK_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${p}-duration`} label="Duration (minutes)" errors={errors.durationMin}>
          <Input {...fieldAria(`${p}-duration`, errors.durationMin)} type="number" min={0} max={10080} step={1} value={form.durationMin} onChange={(e) => set("durationMin", e.target.value)} required />
        </Field>
        <Field id={`${p}-fixed`} label={`Not before (optional, ${zone})`} errors={localError ? [localError] : errors.fixedStart}>
          <Input {...fieldAria(`${p}-fixed`, errors.fixedStart)} type="datetime-local" value={form.fixedStart} onChange={(e) => set("fixedStart", e.target.value)} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.critical} onChange={(e) => set("critical", e.target.checked)} className="size-4 accent-accent-600" />
        Ask for a confirmation before starting it (critical step)
      </label>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Assignees</legend>
        {dto.people.length === 0 ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">No members can be assigned yet.</p>
        ) : (
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {dto.people.map((person) => (
              <label key={person.userId} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-accent-600"
                  checked={form.assigneeIds.includes(person.userId)}
                  onChange={(e) => set("assigneeIds", e.target.checked ? [...form.assigneeIds, person.userId] : form.assigneeIds.filter((id) => id !== person.userId))}
                />
                {person.name}
              </label>
            ))}
          </div>
        )}
        {errors.assigneeIds?.map((m) => (
          <p key={m} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">{m}</p>
        ))}
      </fieldset>
      <Field id={`${p}-notes`} label="Notes" errors={errors.notes}>
        <Textarea {...fieldAria(`${p}-notes`, errors.notes)} value={form.notes} onChange={(e) => set("notes", e.target.value)} maxLength={5000} rows={2} />
      </Field>
      <Field id={`${p}-links`} label="Links (one per line, http or https)" errors={errors.links}>
        <Textarea {...fieldAria(`${p}-links`, errors.links)} value={form.links} onChange={(e) => set("links", e.target.value)} rows={2} />
      </Field>
      {errors._form?.map((m) => (
        <p key={m} role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">{m}</p>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending || !form.streamId}>
          {pending ? "Saving…" : task ? "Save task" : "Add task"}
        </Button>
        {onDone && task && (
          <Button type="button" variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
