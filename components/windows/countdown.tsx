"use client";
import { formatCountdown, formatRelative } from "@/lib/time/format";
import { cn } from "@/components/ui/cn";
import { useNow } from "./use-viewer-zone";

/** A ticking countdown to `at` ("Start in 2d 04:12:09"), which says "passed" once the moment is gone. */
export function Countdown({ at, label, className }: { at: string; label: string; className?: string }) {
  const now = useNow(1000);
  const target = new Date(at).getTime();
  const remaining = now === null ? null : target - now;
  return (
    <div className={cn("rounded-md bg-zinc-50 px-3 py-2 ring-1 ring-inset ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800", className)}>
      <div className="text-xs text-zinc-500 dark:text-zinc-400">{label}</div>
      <div className="font-mono text-base font-semibold tabular-nums" aria-live="off" data-testid="countdown">
        {remaining === null ? "--:--:--" : remaining > 0 ? formatCountdown(remaining) : "Passed"}
      </div>
      {now !== null && <div className="text-xs text-zinc-500 dark:text-zinc-400">{formatRelative(new Date(target), new Date(now))}</div>}
    </div>
  );
}
