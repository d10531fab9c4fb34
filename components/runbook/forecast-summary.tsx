"use client";
import { AlertTriangle, CheckCircle2, Pause, TimerReset } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { useNow } from "@/components/windows/use-viewer-zone";
import type { RunbookDto } from "@/lib/runbook/dto";
import { currentRun } from "@/lib/runbook/from-dto";
import { formatCountdown } from "@/lib/time/format";
import { RunTime } from "./run-time";
import { minutes } from "./time";
import type { RunbookForecast } from "./use-runbook";

function Stat({ label, children, tone, testId }: { label: string; children: React.ReactNode; tone?: "red" | "amber" | "green"; testId?: string }) {
  return (
    <div
      data-testid={testId}
      className={cn(
        "min-w-0 rounded-md px-3 py-2 ring-1 ring-inset",
        tone === "red" ? "bg-red-50 ring-red-600/30 dark:bg-red-950/50 dark:ring-red-400/30" : tone === "amber" ? "bg-amber-50 ring-amber-600/30 dark:bg-amber-950/50 dark:ring-amber-400/30" : "bg-zinc-50 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800",
      )}
    >
      <div className="text-xs text-zinc-600 dark:text-zinc-400">{label}</div>
      <div className="mt-0.5 text-sm">{children}</div>
    </div>
  );
}

/** Forecast end against the window end, the slack left, and the point of no return counting down. */
export function ForecastSummary({ dto, forecast }: { dto: RunbookDto; forecast: RunbookForecast }) {
  const now = useNow(1000);
  const zone = dto.timeZone;
  const windowStart = dto.window ? new Date(dto.window.start) : null;
  const run = currentRun(dto);
  const slack = forecast.slackMin;
  const late = forecast.plan?.live?.late ?? [];
  const toPonr = forecast.ponr && now !== null ? forecast.ponr.getTime() - now : null;
  return (
    <div className="space-y-3">
      {dto.runbook?.paused && (
        <p role="status" className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/30 dark:bg-amber-950/60 dark:text-amber-200">
          <Pause className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <strong>Paused.</strong> {dto.runbook.message}
          </span>
        </p>
      )}
      {run?.kind === "REHEARSAL" && (
        <p className="flex items-start gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-inset ring-sky-600/30 dark:bg-sky-950/60 dark:text-sky-200">
          <TimerReset className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>Rehearsal in progress: the plan is shifted to the rehearsal&apos;s start and the live run is not touched.</span>
        </p>
      )}
      <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2 lg:grid-cols-4">
        <Stat label="Forecast end" testId="forecast-end">
          {forecast.forecastEnd ? <RunTime at={forecast.forecastEnd} zone={zone} windowStart={windowStart} /> : "—"}
        </Stat>
        <Stat label="Window end">{dto.window ? <RunTime at={new Date(dto.window.end)} zone={zone} windowStart={windowStart} /> : "No window"}</Stat>
        <Stat label="Slack to window end" tone={slack === null ? undefined : slack < 0 ? "red" : slack < 15 ? "amber" : "green"} testId="slack">
          {slack === null ? (
            "—"
          ) : (
            <span className="inline-flex items-center gap-1.5 font-semibold tabular-nums" data-slack-min={slack}>
              {slack < 0 ? <AlertTriangle className="size-4 text-red-700 dark:text-red-300" aria-hidden /> : <CheckCircle2 className="size-4 text-green-700 dark:text-green-300" aria-hidden />}
              {slack < 0 ? `${minutes(-slack)} over` : `${minutes(slack)} left`}
            </span>
          )}
          {late.length > 0 && <span className="block text-xs text-red-700 dark:text-red-300">{late.length} late {late.length === 1 ? "task" : "tasks"}</span>}
        </Stat>
        <Stat label="Point of no return" tone={forecast.rollbackFits === false ? "red" : undefined} testId="ponr">
          {forecast.ponr ? (
            <>
              <span className="block font-mono font-semibold tabular-nums">{toPonr === null ? "--:--:--" : toPonr > 0 ? formatCountdown(toPonr) : "Passed"}</span>
              <RunTime at={forecast.ponr} zone={zone} windowStart={windowStart} className="text-xs" />
              {forecast.rollbackFits === false && <span className="block text-xs font-medium text-red-700 dark:text-red-300">Rolling back would no longer fit in the window.</span>}
            </>
          ) : (
            "—"
          )}
        </Stat>
      </div>
    </div>
  );
}
