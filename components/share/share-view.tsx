"use client";
import { CircleAlert, Radio, TriangleAlert, WifiOff } from "lucide-react";
import { READINESS_META } from "@/components/readiness/readiness-meta";
import { UpdateEntry } from "@/components/status-updates/update-entry";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Countdown } from "@/components/windows/countdown";
import { TimeTriple } from "@/components/windows/time-triple";
import type { ShareDTO, ShareRunbook } from "@/lib/share/dto";
import { formatInZone } from "@/lib/time/format";
import { useShareLive, type ShareLiveStatus } from "./use-share-live";
import { ShareWall } from "./share-wall";

/** The public, read-only share page (and its wall mode): everything from the allow-listed share DTO. */
export function ShareView({ token, initial, cursor, wall }: { token: string; initial: ShareDTO; cursor: string; wall: boolean }) {
  const { dto, status } = useShareLive(token, initial, cursor);
  if (status === "gone") return <LinkGone />;
  if (wall) return <ShareWall dto={dto} status={status} />;
  const zone = dto.launch.timeZone;
  return (
    <div className="mx-auto max-w-5xl space-y-5 px-4 py-6 sm:px-6" data-testid="share-page">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{dto.launch.system} · status page</p>
          <h1 className="text-2xl font-semibold break-words">{dto.launch.name}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Launch state: {dto.launch.status.toLowerCase().replace(/_/g, " ")} · times in {zone}</p>
        </div>
        <LiveBadge status={status} />
      </header>
      <ShareReadinessHero dto={dto} />
      <div className="flex flex-col gap-5 lg:grid lg:grid-cols-3 lg:items-start">
        <div className="space-y-5 lg:col-span-2">
          <Card aria-labelledby="share-updates">
            <CardHeader id="share-updates" title="Status updates" description="Newest first" />
            {dto.updates.length === 0 ? (
              <EmptyState title="No updates yet">The team posts updates here as the launch goes.</EmptyState>
            ) : (
              <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Status updates, newest first">
                {dto.updates.map((u) => (
                  <li key={u.id} className="px-4 py-3">
                    <UpdateEntry update={u} zone={zone} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="space-y-5 max-lg:order-first">
          <ShareWindowCard dto={dto} />
          <RunbookForecastSlot runbook={dto.runbook} zone={zone} />
          <ShareProgressCard dto={dto} />
        </div>
      </div>
      <footer className="pb-4 text-xs text-zinc-600 dark:text-zinc-400">
        Read-only link “{dto.link.name}”{dto.link.expiresAt ? `, valid until ${formatInZone(new Date(dto.link.expiresAt), zone)} (${zone})` : ""}. Updates appear here live.
      </footer>
    </div>
  );
}

export function LiveBadge({ status, className }: { status: ShareLiveStatus; className?: string }) {
  const live = status === "live";
  return (
    <span className={cn("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset", live ? "bg-green-50 text-green-800 ring-green-600/25 dark:bg-green-950/60 dark:text-green-300" : "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-800 dark:text-zinc-300", className)} data-testid="share-live" data-status={status}>
      {live ? <Radio className="size-3.5" aria-hidden /> : <WifiOff className="size-3.5" aria-hidden />}
      {live ? "Live" : status === "connecting" ? "Connecting…" : "Reconnecting…"}
    </span>
  );
}

function ShareReadinessHero({ dto }: { dto: ShareDTO }) {
  if (!dto.readiness) return null;
  const meta = READINESS_META[dto.readiness.state];
  const Icon = meta.icon;
  return (
    <section aria-labelledby="share-readiness" data-testid="readiness-hero" data-state={dto.readiness.state} className={cn("rounded-xl p-5 ring-1 ring-inset sm:p-7", meta.hero)}>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <h2 id="share-readiness" className={cn("flex items-center gap-3 text-5xl font-bold tracking-tight sm:text-6xl", meta.text)}>
          <Icon className="size-12 shrink-0 sm:size-14" aria-hidden strokeWidth={2.25} />
          {meta.label}
        </h2>
        {dto.progress && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <span className="block text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-100" data-testid="share-percent">{dto.progress.percent}%</span>
            required checks resolved ({dto.progress.requiredResolved} of {dto.progress.requiredTotal})
          </p>
        )}
      </div>
      {dto.readiness.reasons.length > 0 ? (
        <ul className="mt-4 space-y-1.5 text-base" aria-label="Reasons">
          {dto.readiness.reasons.map((r) => {
            const ReasonIcon = r.severity === "blocker" ? CircleAlert : TriangleAlert;
            return (
              <li key={r.code + r.message} className="flex gap-2">
                <ReasonIcon className={cn("mt-1 size-4 shrink-0", r.severity === "blocker" ? "text-red-600 dark:text-red-400" : "text-amber-600 dark:text-amber-400")} aria-hidden />
                <span className="min-w-0 break-words">
                  <span className="sr-only">{r.severity === "blocker" ? "Blocker: " : "Risk: "}</span>
                  {r.message}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-4 text-base">Every gate is met.</p>
      )}
    </section>
  );
}

function ShareWindowCard({ dto }: { dto: ShareDTO }) {
  const w = dto.window;
  const zone = dto.launch.timeZone;
  return (
    <Card aria-labelledby="share-window">
      <CardHeader id="share-window" title="Deployment window" />
      {!w ? (
        <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">No window is scheduled yet.</p>
      ) : (
        <div className="space-y-3 p-4">
          <p className="text-sm">
            <span className="font-medium">{w.environment}</span> · {w.status.toLowerCase().replace(/_/g, " ")}
          </p>
          <TimeTriple at={w.start} zone={zone} label="Starts" />
          <TimeTriple at={w.end} zone={zone} label="Ends" />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3 lg:grid-cols-1">
            <Countdown at={w.start} label="To start" />
            {w.checkpoint && <Countdown at={w.checkpoint} label="To go/no-go checkpoint" />}
            {w.pointOfNoReturn && <Countdown at={w.pointOfNoReturn} label="To point of no return" />}
          </div>
        </div>
      )}
    </Card>
  );
}

function ShareProgressCard({ dto }: { dto: ShareDTO }) {
  const sections = dto.progress?.sections ?? [];
  return (
    <Card aria-labelledby="share-progress">
      <CardHeader id="share-progress" title="Progress by section" />
      {sections.length === 0 ? (
        <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">No checklist yet.</p>
      ) : (
        <ul className="space-y-3 p-4">
          {sections.map((s) => (
            <li key={s.title} data-testid="share-section">
              <div className="flex justify-between gap-2 text-sm">
                <span className="min-w-0 break-words">{s.title}</span>
                <span className="shrink-0 tabular-nums text-zinc-600 dark:text-zinc-400">{s.done} of {s.total} done</span>
              </div>
              <div className="mt-1 h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-label={`${s.title}: ${s.percent}%`} aria-valuenow={s.percent} aria-valuemin={0} aria-valuemax={100}>
                <div className={cn("h-full rounded-full", s.percent === 100 ? "bg-green-600" : "bg-accent-600")} style={{ width: `${s.percent}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The runbook's live forecast against the window end (no task names: those are the team's). */
export function RunbookForecastSlot({ runbook, zone }: { runbook: ShareRunbook; zone: string }) {
  if (!runbook) return null;
  const slack = formatMinutes(Math.abs(runbook.slackMin));
  return (
    <Card aria-labelledby="share-runbook" className="p-4">
      <h2 id="share-runbook" className="text-sm font-semibold">Runbook forecast</h2>
      <p className="mt-1 text-sm">
        Forecast to finish <time dateTime={runbook.forecastEnd}>{formatInZone(new Date(runbook.forecastEnd), zone, { zone: true })}</time>,{" "}
        <span className={runbook.late ? "font-semibold text-red-700 dark:text-red-400" : undefined}>
          {runbook.late ? `${slack} after the window closes` : `${slack} before the window closes`}
        </span>
        .
      </p>
    </Card>
  );
}

const formatMinutes = (min: number) => (min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")} min`);

function LinkGone() {
  return (
    <div className="mx-auto max-w-md px-4 py-16">
      <EmptyState title="This link no longer works">It was revoked or has expired. Ask the launch&apos;s team for a new one.</EmptyState>
    </div>
  );
}
