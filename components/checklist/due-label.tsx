"use client";
import { AlarmClock } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatRelativeDue } from "@/lib/checklist/due";
import type { ItemDTO } from "@/lib/checklist/dto";
import { itemOverdue } from "@/lib/checklist/filter";
import { formatInZone, formatRelative } from "@/lib/time/format";

/** A minute clock shared by due labels; null until mounted so server and browser render the same. */
export function useNow(intervalMs = 60_000) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    const tick = () => setNow(new Date());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [intervalMs]);
  return now;
}

/** "T-2d · Thu 4 Jun, 09:00 BST · in 2 d 3 h", red when overdue. Every time carries its zone. */
export function DueLabel({ item, timeZone, now, compact }: { item: ItemDTO; timeZone: string; now: Date | null; compact?: boolean }) {
  const relative = item.dueOffsetMinutes !== null ? formatRelativeDue(item.dueOffsetMinutes) : null;
  if (!item.dueResolved) {
    if (!relative) return <span className="text-zinc-500 dark:text-zinc-400">No due date</span>;
    return (
      <span className="text-zinc-600 dark:text-zinc-400" title="Resolves when a deployment window is scheduled">
        <span className="font-mono">{relative}</span> · no window yet
      </span>
    );
  }
  const at = new Date(item.dueResolved);
  const overdue = now !== null && itemOverdue(item, now);
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-x-1", overdue ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400")}>
      {overdue && <AlarmClock className="size-3.5" aria-hidden />}
      {relative && <span className="font-mono">{relative}</span>}
      {relative && <span aria-hidden>·</span>}
      <time dateTime={item.dueResolved}>{formatInZone(at, timeZone, { year: false, weekday: !compact })}</time>
      {now && (
        <span className={overdue ? "" : "text-zinc-500 dark:text-zinc-400"}>
          · {overdue ? `overdue ${formatRelative(at, now).replace(" ago", "")}` : formatRelative(at, now)}
        </span>
      )}
    </span>
  );
}
