"use client";
import { cn } from "@/components/ui/cn";
import type { RunbookDto, RunbookTaskDto } from "@/lib/runbook/dto";
import { STATUS_LABEL } from "./status";
import { clock, minutes, tMinus } from "./time";
import type { RunbookForecast } from "./use-runbook";

type Bar = { task: RunbookTaskDto; start: number; end: number; critical: boolean; delayMin: number; row: number };

const BAR: Record<RunbookTaskDto["status"], string> = {
  DONE: "bg-green-100 text-green-950 ring-green-700/40 dark:bg-green-900/60 dark:text-green-50 dark:ring-green-400/40",
  RUNNING: "bg-amber-100 text-amber-950 ring-amber-700/50 dark:bg-amber-900/60 dark:text-amber-50 dark:ring-amber-400/50",
  NOT_STARTED: "bg-white text-zinc-900 ring-zinc-400 dark:bg-zinc-800 dark:text-zinc-50 dark:ring-zinc-600",
  SKIPPED: "bg-zinc-100 text-zinc-700 line-through ring-zinc-400 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-600",
  FAILED: "bg-red-100 text-red-950 ring-red-700/50 dark:bg-red-900/60 dark:text-red-50 dark:ring-red-400/50",
};

function ticksOf(from: number, to: number): number[] {
  const span = (to - from) / 60_000;
  const step = [15, 30, 60, 120, 240, 480].find((s) => span / s <= 8) ?? 720;
  const ms = step * 60_000;
  const out: number[] = [];
  for (let t = Math.ceil(from / ms) * ms; t <= to; t += ms) out.push(t);
  return out;
}

/** Streams as lanes on a time axis: each task where the forecast puts it, the critical path outlined, late
 *  tasks marked, a line for now, the window's end and the point of no return. */
export function Timeline({ dto, forecast }: { dto: RunbookDto; forecast: RunbookForecast }) {
  const zone = dto.timeZone;
  const windowStart = dto.window ? Date.parse(dto.window.start) : null;
  const windowEnd = dto.window ? Date.parse(dto.window.end) : null;
  const bars: Bar[] = [];
  for (const task of dto.tasks) {
    const live = forecast.live.get(task.id);
    const planned = forecast.planned.get(task.id);
    const start = live?.forecastStart ?? planned?.plannedStart;
    const end = live?.forecastEnd ?? planned?.plannedEnd;
    if (!start || !end) continue;
    bars.push({ task, start: start.getTime(), end: end.getTime(), critical: forecast.critical.has(task.id), delayMin: live?.delayMin ?? 0, row: 0 });
  }
  if (bars.length === 0 || windowStart === null || windowEnd === null) return null;
  const now = forecast.now?.getTime() ?? null;
  const from = Math.min(windowStart, ...bars.map((b) => b.start));
  const to = Math.max(windowEnd, ...bars.map((b) => b.end), now !== null && now < windowEnd + 3_600_000 ? now : 0);
  const span = Math.max(to - from, 60_000);
  const x = (t: number) => `${(((t - from) / span) * 100).toFixed(3)}%`;
  const w = (a: number, b: number) => `max(0.375rem, ${(((b - a) / span) * 100).toFixed(3)}%)`;
  const windowStartDate = new Date(windowStart);

  const lanes = [...dto.streams].sort((a, b) => a.position - b.position).map((s) => {
    const own = bars.filter((b) => b.task.streamId === s.id).sort((a, b) => a.start - b.start || a.end - b.end);
    const rowsEnd: number[] = [];
    for (const b of own) {
      let r = rowsEnd.findIndex((e) => e <= b.start);
      if (r === -1) r = rowsEnd.length;
      rowsEnd[r] = b.end;
      b.row = r;
    }
    return { stream: s, bars: own, rows: Math.max(rowsEnd.length, 1) };
  });
  const markers = [
    { at: windowEnd, label: "Window end", className: "border-zinc-900 dark:border-zinc-100" },
    ...(forecast.ponr ? [{ at: forecast.ponr.getTime(), label: "PONR", className: "border-red-600 border-dashed dark:border-red-400" }] : []),
    ...(now !== null && now >= from && now <= to ? [{ at: now, label: "Now", className: "border-accent-600 dark:border-accent-400" }] : []),
  ];

  return (
    // Scrolls sideways on a phone: focusable and named, so a keyboard can scroll it too (arrow keys).
    <div
      className="relative overflow-x-auto rounded-md focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none"
      data-testid="timeline"
      role="region"
      aria-label="Runbook timeline"
      tabIndex={0}
    >
      <div className="relative min-w-[40rem] pb-2">
        <div className="relative ml-28 h-10 border-b border-zinc-200 text-[0.7rem] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400" aria-hidden>
          {ticksOf(from, to).map((t) => (
            <div key={t} className="absolute top-0 -translate-x-1/2 whitespace-nowrap text-center tabular-nums" style={{ left: x(t) }}>
              <div>{clock(new Date(t), zone)}</div>
              <div>{tMinus(new Date(t), windowStartDate)}</div>
            </div>
          ))}
        </div>
        <div className="relative">
          {lanes.map(({ stream, bars: laneBars, rows }) => (
            <div key={stream.id} className="flex border-b border-zinc-100 last:border-b-0 dark:border-zinc-800/70">
              <div className="w-28 shrink-0 truncate py-2 pr-2 text-sm font-medium" id={`lane-${stream.id}`}>
                {stream.name}
              </div>
              <ul aria-labelledby={`lane-${stream.id}`} className="relative flex-1" style={{ height: `${rows * 2.25 + 0.5}rem` }}>
                {laneBars.map((b) => {
                  const label = `${b.task.title}: ${STATUS_LABEL[b.task.status]}, ${clock(new Date(b.start), zone)} to ${clock(new Date(b.end), zone)}${b.critical ? ", on the critical path" : ""}${b.delayMin > 0 ? `, ${minutes(b.delayMin)} late` : ""}`;
                  return (
                    <li
                      key={b.task.id}
                      title={label}
                      aria-label={label}
                      data-testid="timeline-task"
                      data-status={b.task.status}
                      data-critical={b.critical || undefined}
                      className={cn(
                        "absolute flex h-8 items-center gap-1 overflow-hidden rounded px-1.5 text-xs ring-1 ring-inset",
                        BAR[b.task.status],
                        b.critical && "ring-2 ring-accent-600 dark:ring-accent-400",
                        b.delayMin > 0 && "border-r-4 border-red-600 dark:border-red-400",
                      )}
                      style={{ left: x(b.start), width: w(b.start, b.end), top: `${b.row * 2.25 + 0.25}rem` }}
                    >
                      <span className="truncate">{b.task.title}</span>
                      {b.delayMin > 0 && <span className="shrink-0 font-semibold text-red-800 dark:text-red-200">+{Math.round(b.delayMin)}</span>}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          <div className="pointer-events-none absolute inset-y-0 left-28 right-0" aria-hidden>
            {markers.map((m) => (
              <div key={m.label} className={cn("absolute inset-y-0 border-l-2", m.className)} style={{ left: x(m.at) }}>
                <span className="absolute -top-1 left-1 whitespace-nowrap rounded bg-white/90 px-1 text-[0.65rem] font-semibold dark:bg-zinc-950/90">{m.label}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Legend">
        <li className="flex items-center gap-1.5"><span className="inline-block h-3 w-5 rounded-sm ring-2 ring-inset ring-accent-600 dark:ring-accent-400" aria-hidden />Critical path</li>
        <li className="flex items-center gap-1.5"><span className="inline-block h-3 w-5 rounded-sm border-r-4 border-red-600 bg-zinc-100 dark:border-red-400 dark:bg-zinc-800" aria-hidden />Late (+minutes)</li>
        <li className="flex items-center gap-1.5"><span className="inline-block h-3 w-5 rounded-sm bg-green-100 ring-1 ring-inset ring-green-700/40 dark:bg-green-900/60" aria-hidden />Done</li>
        <li className="flex items-center gap-1.5"><span className="inline-block h-3 w-5 rounded-sm bg-amber-100 ring-1 ring-inset ring-amber-700/50 dark:bg-amber-900/60" aria-hidden />Running</li>
        <li className="flex items-center gap-1.5"><span className="inline-block h-3 border-l-2 border-accent-600 dark:border-accent-400" aria-hidden />Now</li>
        <li className="flex items-center gap-1.5"><span className="inline-block h-3 border-l-2 border-dashed border-red-600 dark:border-red-400" aria-hidden />Point of no return</li>
      </ul>
    </div>
  );
}
