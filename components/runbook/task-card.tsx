"use client";
import { AlertTriangle, Check, ExternalLink, Flag, Loader2, Play, RotateCcw, SkipForward, X } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/field";
import type { RunbookDto, RunbookTaskDto } from "@/lib/runbook/dto";
import { canExecute, useRunbookRights } from "./rights";
import { RunTime } from "./run-time";
import { waitingFor } from "./startable";
import { STATUS_LABEL, STATUS_TONE, TYPE_LABEL } from "./status";
import { clock, minutes } from "./time";
import { useTaskCommand, type TaskCommand } from "./use-task-command";
import type { RunbookForecast } from "./use-runbook";

type Asking = { command: Exclude<TaskCommand, "start" | "finish">; label: string } | { command: "start"; label: string; override: boolean } | { command: "confirm-start" } | null;

/** One task with one big button for its next step (start or finish) and, behind it, skip / fail / reopen with a reason. */
export function TaskCard({ dto, task, forecast, highlight }: { dto: RunbookDto; task: RunbookTaskDto; forecast: RunbookForecast; highlight?: boolean }) {
  const rights = useRunbookRights();
  const { send, pending } = useTaskCommand(rights.launchId, dto.currentRunId, task);
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const zone = dto.timeZone;
  const windowStart = dto.window ? new Date(dto.window.start) : null;
  const live = forecast.live.get(task.id);
  const blockers = waitingFor(dto, task);
  const now = forecast.now?.getTime() ?? null;
  const early = task.fixedStart !== null && now !== null && Date.parse(task.fixedStart) > now;
  const allowed = canExecute(rights, task) && !dto.runbook?.paused;
  // Before its fixed start or while it waits for its predecessors, only a manager may start it, with a reason.
  const held = task.status === "NOT_STARTED" && (early || blockers.length > 0);
  const stream = dto.streams.find((s) => s.id === task.streamId)?.name ?? "";

  const done = () => {
    setAsking(null);
    setReason("");
  };
  function start(overrideReason?: string) {
    send("start", overrideReason ? { overrideReason } : {}, {
      onDone: done,
      onRefused: (_error, code) => {
        // Held back meanwhile (a fixed start, a predecessor reopened): a manager may start anyway, with a reason.
        if (code === "CONFLICT" && rights.canRun) setAsking({ command: "start", label: "Reason for starting it anyway", override: true });
      },
    });
  }
  function primary() {
    if (task.status === "NOT_STARTED") {
      if (held && rights.canRun) return setAsking({ command: "start", label: early ? "Reason for starting before its time" : "Reason for starting before its predecessors", override: true });
      if (task.critical) return setAsking({ command: "confirm-start" });
      return start();
    }
    if (task.status === "RUNNING") send("finish", {}, { onDone: done });
  }

  const primaryLabel = task.status === "NOT_STARTED" ? "Start" : task.type === "VALIDATION" ? "Pass" : "Finish";
  const primaryLabel2 = held && rights.canRun ? "Start anyway…" : primaryLabel;
  const primaryDisabled = pending || !allowed || (held && !rights.canRun);

  return (
    <article
      aria-labelledby={`task-${task.id}`}
      data-testid="task-card"
      data-task-title={task.title}
      data-status={task.status}
      data-saving={pending || undefined}
      className={cn("rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800", highlight && "ring-2 ring-accent-600 dark:ring-accent-400")}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        {highlight && <span className="font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-300">Your next task</span>}
        <span>{stream}</span>
        <span>· {TYPE_LABEL[task.type]}</span>
        <span>· {minutes(task.durationMin)}</span>
        {forecast.critical.has(task.id) && <Badge tone="accent" icon={<Flag className="size-3" aria-hidden />}>Critical path</Badge>}
      </div>
      <h3 id={`task-${task.id}`} className="mt-1 text-lg font-semibold break-words">
        {task.title}
      </h3>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[task.status]}>{STATUS_LABEL[task.status]}</Badge>
        {live && live.delayMin > 0 && (
          <Badge tone="red" icon={<AlertTriangle className="size-3" aria-hidden />}>
            {minutes(live.delayMin)} late ({minutes(live.ownDelayMin)} own, {minutes(live.inheritedDelayMin)} inherited)
          </Badge>
        )}
      </div>
      {live && (
        <dl className="mt-2 grid grid-cols-1 gap-1 text-sm min-[420px]:grid-cols-2">
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{task.actualStart ? "Started" : "Forecast start"}</dt>
            <dd><RunTime at={live.forecastStart} zone={zone} windowStart={windowStart} /></dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">{task.actualEnd && task.status !== "RUNNING" ? "Ended" : "Forecast end"}</dt>
            <dd><RunTime at={live.forecastEnd} zone={zone} windowStart={windowStart} /></dd>
          </div>
        </dl>
      )}
      {task.assignees.length > 0 && <p className="mt-2 text-sm">Assigned: {task.assignees.map((a) => a.name).join(", ")}</p>}
      {task.notes && <p className="mt-2 whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{task.notes}</p>}
      {task.links.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm">
          {task.links.map((l) => (
            <li key={l} className="min-w-0">
              <a href={l} target="_blank" rel="noreferrer" className="inline-flex max-w-full items-center gap-1 text-accent-700 hover:underline dark:text-accent-300">
                <ExternalLink className="size-3.5 shrink-0" aria-hidden />
                <span className="truncate">{l}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {task.reason && <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">Reason: {task.reason}</p>}
      {task.status === "NOT_STARTED" && blockers.length > 0 && (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">Waiting for {blockers.map((b) => b.title).join(", ")}.</p>
      )}
      {task.status === "NOT_STARTED" && early && task.fixedStart && (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          Not before {clock(new Date(task.fixedStart), zone)}
          {rights.canRun ? " (as a manager you may start it earlier, with a reason)." : "."}
        </p>
      )}

      {canExecute(rights, task) && (
        <div className="mt-3 space-y-2">
          {dto.runbook?.paused && <p className="text-sm text-amber-800 dark:text-amber-300">The runbook is paused: tasks wait until a manager resumes it.</p>}
          {(task.status === "NOT_STARTED" || task.status === "RUNNING") && asking === null && (
            <Button size="lg" className="h-14 w-full text-lg" onClick={primary} disabled={primaryDisabled} aria-describedby={pending ? `saving-${task.id}` : undefined}>
              {pending ? <Loader2 className="size-5 animate-spin" aria-hidden /> : task.status === "NOT_STARTED" ? <Play className="size-5" aria-hidden /> : <Check className="size-5" aria-hidden />}
              {pending ? "Saving…" : primaryLabel2}
            </Button>
          )}
          {pending && (
            <p id={`saving-${task.id}`} role="status" className="text-center text-sm text-zinc-600 dark:text-zinc-400">
              Saving…
            </p>
          )}
          {asking?.command === "confirm-start" && (
            <div className="space-y-2 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-inset ring-amber-600/30 dark:bg-amber-950/50 dark:ring-amber-400/30">
              <p className="font-medium text-amber-950 dark:text-amber-100">This task is marked critical. Start it now?</p>
              <div className="flex flex-wrap gap-2">
                <Button size="lg" className="flex-1" onClick={() => start()} disabled={pending}>
                  {pending ? "Saving…" : "Yes, start"}
                </Button>
                <Button size="lg" variant="secondary" onClick={() => setAsking(null)} disabled={pending}>
                  Cancel
                </Button>
              </div>
            </div>
          )}
          {asking && asking.command !== "confirm-start" && (
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                const text = reason.trim();
                if (!text) return;
                if (asking.command === "start") start(text);
                else send(asking.command, { reason: text }, { onDone: done });
              }}
            >
              <label htmlFor={reasonId} className="block text-sm font-medium">
                {asking.label}
              </label>
              <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} autoFocus />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" size="lg" className="flex-1" variant={asking.command === "fail" ? "danger" : "primary"} disabled={pending || !reason.trim()}>
                  {pending ? "Saving…" : asking.command === "start" ? "Start anyway" : asking.command === "skip" ? "Skip task" : asking.command === "fail" ? "Record failure" : "Reopen task"}
                </Button>
                <Button type="button" size="lg" variant="secondary" onClick={done} disabled={pending}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
          {asking === null && (
            <div className="flex flex-wrap gap-2">
              {(task.status === "NOT_STARTED" || task.status === "RUNNING") && (
                <Button variant="secondary" onClick={() => setAsking({ command: "skip", label: "Reason for skipping" })} disabled={pending || !allowed}>
                  <SkipForward className="size-4" aria-hidden />
                  Skip…
                </Button>
              )}
              {task.type === "VALIDATION" && task.status === "RUNNING" && (
                <Button variant="secondary" onClick={() => setAsking({ command: "fail", label: "What failed" })} disabled={pending || !allowed}>
                  <X className="size-4" aria-hidden />
                  Fail…
                </Button>
              )}
              {task.status !== "NOT_STARTED" && (
                <Button variant="secondary" onClick={() => setAsking({ command: "reopen", label: "Reason for reopening" })} disabled={pending || !allowed}>
                  <RotateCcw className="size-4" aria-hidden />
                  Reopen…
                </Button>
              )}
            </div>
          )}
        </div>
      )}
    </article>
  );
}
