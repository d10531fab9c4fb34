"use client";
import { formatTriple } from "@/lib/time/format";
import { cn } from "@/components/ui/cn";
import { useViewerZone } from "./use-viewer-zone";

/** One instant in the launch's zone, the viewer's own zone (when different) and UTC, labelled. */
export function TimeTriple({ at, zone, label, className }: { at: string; zone: string; label?: string; className?: string }) {
  const viewer = useViewerZone();
  const t = formatTriple(new Date(at), zone, viewer);
  return (
    <div className={cn("text-sm", className)}>
      {label && <div className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</div>}
      <time dateTime={at} className="block font-medium tabular-nums">
        {t.launch} <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">({zone})</span>
      </time>
      <div className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {t.viewer && <span className="mr-3">You: {t.viewer}</span>}
        <span>UTC: {t.utc}</span>
      </div>
    </div>
  );
}
