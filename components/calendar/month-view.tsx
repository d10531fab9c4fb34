"use client";
import { cn } from "@/components/ui/cn";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { monthGrid, onDay, todayIn } from "@/lib/windows/calendar-grid";
import { dayNumber, timeOnDay, weekdayName } from "./format";
import { FreezeChip, WindowChip, freezeStripes } from "./item-chips";
import type { CalendarFreezeItem, CalendarWindowItem } from "./types";

const MAX_FREEZES = 1;

/** A month grid in the viewer's zone; frozen days are striped, each window links to its launch. */
export function MonthView({ day, windows, freezes }: { day: string; windows: CalendarWindowItem[]; freezes: CalendarFreezeItem[] }) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  const month = day.slice(0, 7);
  return (
    <div role="grid" aria-label="Month" className="overflow-hidden rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
      <div role="row" className="grid grid-cols-7 border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <div role="columnheader" key={d} className="px-2 py-1.5">
            {weekdayName(d)}
          </div>
        ))}
      </div>
      {monthGrid(day).map((week) => (
        <div role="row" key={week[0]} className="grid grid-cols-7 divide-x divide-zinc-200 border-b border-zinc-200 last:border-b-0 dark:divide-zinc-800 dark:border-zinc-800">
          {week.map((d) => {
            const dayWindows = onDay(windows, d, zone);
            const dayFreezes = onDay(freezes, d, zone);
            return (
              <div
                role="gridcell"
                key={d}
                aria-label={d}
                className={cn(
                  "min-h-28 space-y-1 bg-white p-1.5 dark:bg-zinc-950",
                  d.slice(0, 7) !== month && "bg-zinc-50/80 text-zinc-400 dark:bg-zinc-900/60",
                  dayFreezes.length > 0 && freezeStripes,
                )}
              >
                <div className={cn("text-xs font-medium tabular-nums", d === today && "inline-grid size-5 place-items-center rounded-full bg-accent-600 text-white")}>
                  {dayNumber(d)}
                </div>
                {dayWindows.map((w) => (
                  <WindowChip key={w.id} w={w} time={timeOnDay(w, d, zone)} />
                ))}
                {dayFreezes.slice(0, MAX_FREEZES).map((f) => (
                  <FreezeChip key={f.key} f={f} time={timeOnDay(f, d, zone)} compact />
                ))}
                {dayFreezes.length > MAX_FREEZES && (
                  <p className="text-[11px] text-amber-800 dark:text-amber-300">+{dayFreezes.length - MAX_FREEZES} more freezes</p>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
