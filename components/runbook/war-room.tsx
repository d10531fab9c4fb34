"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { useNow, useViewerZone } from "@/components/windows/use-viewer-zone";
import { launchQueries } from "@/lib/launches/view-queries";
import { formatCountdown } from "@/lib/time/format";
import { canonicalZone } from "@/lib/time/zones";
import { useRunbookRights } from "./rights";
import { isStartable } from "./startable";
import { clock, minutes, tMinus } from "./time";
import { useRunbook } from "./use-runbook";

function Big({ label, children, tone }: { label: string; children: React.ReactNode; tone?: "red" | "green" | "amber" }) {
  return (
    <div className={cn("rounded-2xl p-5 ring-2 ring-inset", tone === "red" ? "bg-red-950/60 ring-red-400/50" : tone === "amber" ? "bg-amber-950/50 ring-amber-400/40" : tone === "green" ? "bg-green-950/50 ring-green-400/40" : "bg-zinc-900 ring-zinc-700")}>
      <div className="text-lg text-zinc-300 sm:text-xl">{label}</div>
      <div className="mt-1 text-3xl font-bold tabular-nums break-words sm:text-5xl">{children}</div>
    </div>
  );
}

// A wall screen nobody touches: always dark, large type, the forecast against the window, the point of no
// return ticking, what each stream is doing now and what comes next.
export function WarRoom() {
  const rights = useRunbookRights();
  const { dto, forecast } = useRunbook(rights.launchId);
  const meta = useQuery(launchQueries.meta(rights.launchId)).data;
  const now = useNow(1000);
  const viewer = useViewerZone();
  if (!dto || !forecast) return null;
  const zone = dto.timeZone;
  const windowStart = dto.window ? new Date(dto.window.start) : null;
  const slack = forecast.slackMin;
  const late = forecast.plan?.live?.late ?? [];
  const toPonr = forecast.ponr && now !== null ? forecast.ponr.getTime() - now : null;
  const title = new Map(dto.tasks.map((t) => [t.id, t.title]));
  const showViewer = canonicalZone(viewer) !== canonicalZone(zone);
  return (
    <div className="fixed inset-0 z-40 overflow-y-auto bg-zinc-950 p-4 text-zinc-50 [color-scheme:dark] sm:p-8" data-testid="war-room">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="min-w-0 text-3xl font-bold break-words sm:text-5xl">{meta?.name ?? "Runbook"}: runbook</h1>
        <p className="text-xl tabular-nums text-zinc-300 sm:text-3xl">
          {now !== null && (
            <>
              {clock(new Date(now), zone)}
              {windowStart && <span className="ml-3">{tMinus(new Date(now), windowStart)}</span>}
              {showViewer && <span className="ml-3 text-zinc-400">you: {clock(new Date(now), viewer)}</span>}
            </>
          )}
        </p>
      </div>
      {dto.runbook?.paused && <p className="mt-4 rounded-2xl bg-amber-950/60 p-4 text-2xl text-amber-200 ring-2 ring-inset ring-amber-400/40 sm:text-4xl">❚❚ Paused: {dto.runbook.message}</p>}
      {!dto.runbook ? (
        <p className="mt-8 text-2xl text-zinc-300">No runbook yet.</p>
      ) : (
        <>
          <section aria-label="Forecast" className="mt-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <Big label="Forecast end">{forecast.forecastEnd ? clock(forecast.forecastEnd, zone) : "—"}</Big>
            <Big label="Window end">{dto.window ? clock(new Date(dto.window.end), zone) : "—"}</Big>
            <Big label="Slack" tone={slack === null ? undefined : slack < 0 ? "red" : slack < 15 ? "amber" : "green"}>
              {slack === null ? "—" : slack < 0 ? `▲ ${minutes(-slack)} over` : `${minutes(slack)} left`}
            </Big>
            <Big label="To point of no return" tone={forecast.rollbackFits === false ? "red" : undefined}>
              {toPonr === null ? "—" : toPonr > 0 ? formatCountdown(toPonr) : "Passed"}
              {forecast.rollbackFits === false && <span className="mt-1 block text-xl font-semibold text-red-200">Rollback no longer fits</span>}
            </Big>
          </section>
          <section aria-label="Streams" className="mt-6 grid gap-4 lg:grid-cols-2">
            {[...dto.streams]
              .sort((a, b) => a.position - b.position)
              .map((s) => {
                const tasks = dto.tasks.filter((t) => t.streamId === s.id);
                const running = tasks.filter((t) => t.status === "RUNNING");
                const next = tasks
                  .filter((t) => isStartable(dto, t))
                  .sort((a, b) => (forecast.live.get(a.id)?.forecastStart.getTime() ?? 0) - (forecast.live.get(b.id)?.forecastStart.getTime() ?? 0))[0];
                const done = tasks.filter((t) => t.status === "DONE" || t.status === "SKIPPED").length;
                return (
                  <div key={s.id} className="rounded-2xl bg-zinc-900 p-5 ring-1 ring-inset ring-zinc-700">
                    <h2 className="flex flex-wrap items-baseline justify-between gap-2 text-2xl font-semibold sm:text-3xl">
                      {s.name}
                      <span className="text-lg font-normal text-zinc-300">{done}/{tasks.length} done</span>
                    </h2>
                    {running.length === 0 && !next && <p className="mt-2 text-xl text-zinc-300">{done === tasks.length ? "All done" : "Waiting"}</p>}
                    {running.map((t) => {
                      const l = forecast.live.get(t.id);
                      return (
                        <p key={t.id} className="mt-2 text-xl sm:text-2xl">
                          <span className="text-amber-300">● Running:</span> {t.title}
                          {l && <span className="text-zinc-300"> · ends {clock(l.forecastEnd, zone)}</span>}
                          {l && l.delayMin > 0 && <span className="text-red-300"> · +{minutes(l.delayMin)}</span>}
                        </p>
                      );
                    })}
                    {next && (
                      <p className="mt-2 text-xl text-zinc-200 sm:text-2xl">
                        <span className="text-zinc-400">Next:</span> {next.title}
                        {forecast.live.get(next.id) && <span className="text-zinc-400"> · {clock(forecast.live.get(next.id)!.forecastStart, zone)}</span>}
                      </p>
                    )}
                  </div>
                );
              })}
          </section>
          {late.length > 0 && (
            <section aria-labelledby="wall-late" className="mt-6 rounded-2xl bg-red-950/40 p-5 ring-1 ring-inset ring-red-400/40">
              <h2 id="wall-late" className="text-2xl font-semibold text-red-200 sm:text-3xl">Late</h2>
              <ul className="mt-2 space-y-1 text-xl sm:text-2xl">
                {late.slice(0, 8).map((l) => (
                  <li key={l.id} className="break-words">
                    {title.get(l.id)} <span className="text-red-300">+{minutes(l.delayMin)}</span>
                    <span className="text-zinc-300"> ({minutes(l.ownDelayMin)} own, {minutes(l.inheritedDelayMin)} inherited)</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <p className="mt-6 text-sm text-zinc-400">
        Times in {zone}.{" "}
        <Link href={`/launches/${rights.launchId}/runbook`} className="underline">
          Leave the war room
        </Link>
      </p>
    </div>
  );
}
