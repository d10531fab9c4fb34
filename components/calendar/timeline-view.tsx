"use client";
import { CalendarX } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { WindowStatusBadge } from "@/components/windows/window-status-badge";
import { onDay, todayIn, viewDays, weekdayOf } from "@/lib/windows/calendar-grid";
import { shortDate, timeOnDay, weekdayName } from "./format";
import { FreezeChip, WindowFlags, windowClass } from "./item-chips";
import { windowHref, type CalendarFreezeItem, type CalendarWindowItem } from "./types";

/** An agenda of the next four weeks, day by day: the phone's default view. Empty days are left out. */
export function TimelineView({ day, windows, freezes }: { day: string; windows: CalendarWindowItem[]; freezes: CalendarFreezeItem[] }) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  const days = viewDays("timeline", day)
    .map((d) => ({ d, windows: onDay(windows, d, zone), freezes: onDay(freezes, d, zone) }))
    .filter((x) => x.windows.length + x.freezes.length > 0);
  if (days.length === 0) {
    return (
      <EmptyState icon={<CalendarX className="size-8" />} title="Nothing in these four weeks">
        No windows or freezes you can see. Managers plan windows on a launch&apos;s Windows tab.
      </EmptyState>
    );
  }
  return (
    <ol aria-label="Timeline" className="space-y-3">
      {days.map(({ d, windows: ws, freezes: fs }) => (
        <li key={d} className="rounded-lg bg-white p-3 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
          <h3 className={cn("mb-2 text-sm font-semibold", d === today && "text-accent-700 dark:text-accent-300")}>
            {weekdayName(weekdayOf(d))} {shortDate(d)} {d === today && "· Today"}
          </h3>
          <ul className="space-y-2">
            {ws.map((w) => (
              <li key={w.id}>
                <Link href={windowHref(w)} className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-3 py-2 text-sm", windowClass(w))} data-testid="calendar-window">
                  <span className="font-mono text-xs tabular-nums">{timeOnDay(w, d, zone)}</span>
                  <span className="font-medium">{w.launchName}</span>
                  <span className="text-xs">{w.environment}</span>
                  <WindowStatusBadge status={w.status} />
                  <span className="text-xs">
                    <WindowFlags w={w} />
                  </span>
                </Link>
              </li>
            ))}
            {fs.map((f) => (
              <li key={f.key}>
                <FreezeChip f={f} time={timeOnDay(f, d, zone)} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
