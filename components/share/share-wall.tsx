"use client";
import { useEffect, useRef } from "react";
import { READINESS_META } from "@/components/readiness/readiness-meta";
import { cn } from "@/components/ui/cn";
import { useNow } from "@/components/windows/use-viewer-zone";
import type { ShareDTO } from "@/lib/share/dto";
import { IMPACT_LABEL, STATE_LABEL } from "@/lib/status-updates/schema";
import { formatCountdown, formatInZone } from "@/lib/time/format";
import type { ShareLiveStatus } from "./use-share-live";

// War-room mode: a wall screen nobody touches. Always dark (whatever the OS says), large type, nothing
// focusable, and the timeline scrolls itself when it is longer than the screen.

const STATE_TEXT = { READY: "text-green-300", AT_RISK: "text-amber-300", NOT_READY: "text-red-300" } as const;
const STATE_RING = { READY: "ring-green-400/40 bg-green-950/60", AT_RISK: "ring-amber-400/40 bg-amber-950/60", NOT_READY: "ring-red-400/40 bg-red-950/60" } as const;

export function ShareWall({ dto, status }: { dto: ShareDTO; status: ShareLiveStatus }) {
  const zone = dto.launch.timeZone;
  const r = dto.readiness;
  const meta = r ? READINESS_META[r.state] : null;
  const Icon = meta?.icon;
  return (
    <div className="min-h-dvh bg-zinc-950 p-4 text-zinc-50 [color-scheme:dark] sm:p-8" data-testid="share-wall">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="min-w-0 text-3xl font-bold break-words sm:text-5xl">{dto.launch.name}</h1>
        <p className="text-lg text-zinc-300 sm:text-2xl" data-testid="share-live" data-status={status}>
          {status === "live" ? "● Live" : "○ Reconnecting…"} · {zone}
        </p>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          {r && meta && Icon && (
            <section className={cn("rounded-2xl p-6 ring-2 ring-inset", STATE_RING[r.state])} data-testid="readiness-hero" data-state={r.state} aria-labelledby="wall-readiness">
              <h2 id="wall-readiness" className={cn("flex items-center gap-4 text-6xl font-black tracking-tight sm:text-8xl", STATE_TEXT[r.state])}>
                <Icon className="size-16 shrink-0 sm:size-24" aria-hidden strokeWidth={2.5} />
                {meta.label}
              </h2>
              {dto.progress && <p className="mt-3 text-2xl text-zinc-200 sm:text-3xl"><span data-testid="share-percent" className="font-bold tabular-nums">{dto.progress.percent}%</span> required checks resolved</p>}
              {r.reasons.length > 0 && (
                <ul className="mt-4 space-y-2 text-xl text-zinc-100 sm:text-2xl" aria-label="Reasons">
                  {r.reasons.slice(0, 5).map((x) => (
                    <li key={x.code + x.message} className="break-words">{x.severity === "blocker" ? "■ Blocker: " : "▲ Risk: "}{x.message}</li>
                  ))}
                  {r.reasons.length > 5 && <li className="text-zinc-300">…and {r.reasons.length - 5} more</li>}
                </ul>
              )}
            </section>
          )}
          {dto.window ? (
            <section className="grid gap-4 sm:grid-cols-3" aria-label="Deployment window">
              <WallCountdown at={dto.window.start} label="To start" zone={zone} />
              {dto.window.checkpoint && <WallCountdown at={dto.window.checkpoint} label="To go/no-go" zone={zone} />}
              {dto.window.pointOfNoReturn && <WallCountdown at={dto.window.pointOfNoReturn} label="To point of no return" zone={zone} />}
            </section>
          ) : (
            <p className="text-2xl text-zinc-300">No window scheduled yet.</p>
          )}
          {dto.progress && dto.progress.sections.length > 0 && (
            <section aria-label="Progress by section" className="grid gap-3 sm:grid-cols-2">
              {dto.progress.sections.map((s) => (
                <div key={s.title}>
                  <div className="flex justify-between gap-2 text-lg sm:text-xl"><span className="min-w-0 truncate">{s.title}</span><span className="tabular-nums text-zinc-300">{s.done}/{s.total}</span></div>
                  <div className="mt-1 h-3 overflow-hidden rounded-full bg-zinc-800"><div className={cn("h-full", s.percent === 100 ? "bg-green-500" : "bg-sky-500")} style={{ width: `${s.percent}%` }} /></div>
                </div>
              ))}
            </section>
          )}
        </div>
        <section className="lg:col-span-2" aria-labelledby="wall-updates">
          <h2 id="wall-updates" className="text-2xl font-semibold text-zinc-300">Status updates</h2>
          <AutoScroll className="mt-3 max-h-[70dvh]">
            {dto.updates.length === 0 ? (
              <p className="text-2xl text-zinc-300">No updates yet.</p>
            ) : (
              <ol className="space-y-6">
                {dto.updates.map((u) => (
                  <li key={u.id} data-update-id={u.id} className="border-l-4 border-zinc-600 pl-4">
                    <p className="text-lg text-zinc-300">{STATE_LABEL[u.state]} · {IMPACT_LABEL[u.impact]}{u.impact !== "NONE" ? " impact" : ""} · {formatInZone(new Date(u.createdAt), zone, { year: false })}</p>
                    <h3 className="text-3xl font-semibold break-words">{u.title}</h3>
                    {u.message && <p className="mt-1 whitespace-pre-line text-xl break-words text-zinc-200">{u.message}</p>}
                    {u.components.length > 0 && <p className="mt-1 text-lg text-zinc-300">Affected: {u.components.join(", ")}</p>}
                    {u.authorName && <p className="text-lg text-zinc-400">{u.authorName}</p>}
                  </li>
                ))}
              </ol>
            )}
          </AutoScroll>
        </section>
      </div>
    </div>
  );
}

function WallCountdown({ at, label, zone }: { at: string; label: string; zone: string }) {
  const now = useNow(1000);
  const remaining = now === null ? null : new Date(at).getTime() - now;
  return (
    <div className="rounded-xl bg-zinc-900 p-4 ring-1 ring-zinc-700">
      <div className="text-lg text-zinc-300">{label}</div>
      <div className="font-mono text-4xl font-bold tabular-nums sm:text-5xl" data-testid="countdown">{remaining === null ? "--:--:--" : remaining > 0 ? formatCountdown(remaining) : "Passed"}</div>
      <div className="text-base text-zinc-400">{formatInZone(new Date(at), zone, { year: false })} ({zone})</div>
    </div>
  );
}

/** Scrolls its content slowly top to bottom and back when it overflows; still under reduced motion. */
function AutoScroll({ children, className }: { children: React.ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    let frame = 0;
    let last = performance.now();
    let pauseUntil = last + 4000;
    let position = 0;
    const step = (t: number) => {
      const dt = t - last;
      last = t;
      const max = el.scrollHeight - el.clientHeight;
      if (max > 0 && t > pauseUntil) {
        position += dt * 0.03; // ~30 px a second: readable from across a room
        if (position >= max) {
          position = 0;
          pauseUntil = t + 6000; // the newest update (at the top) stays up a while
        }
        el.scrollTop = position;
      }
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div ref={box} className={cn("overflow-hidden", className)} data-testid="wall-timeline">
      {children}
    </div>
  );
}
