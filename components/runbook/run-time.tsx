"use client";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { canonicalZone } from "@/lib/time/zones";
import { cn } from "@/components/ui/cn";
import { clock, tMinus } from "./time";

/** One runbook instant: the launch's clock time and zone, the viewer's (when different), and T−/T+ to the window. */
export function RunTime({ at, zone, windowStart, className, big }: { at: Date; zone: string; windowStart: Date | null; className?: string; big?: boolean }) {
  const viewer = useViewerZone();
  const other = canonicalZone(viewer) !== canonicalZone(zone);
  return (
    <span className={cn("inline-flex flex-wrap items-baseline gap-x-2", className)}>
      <time dateTime={at.toISOString()} className={cn("font-medium tabular-nums", big && "text-lg")}>
        {clock(at, zone)}
      </time>
      {windowStart && <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">{tMinus(at, windowStart)}</span>}
      {other && <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">you: {clock(at, viewer)}</span>}
    </span>
  );
}
