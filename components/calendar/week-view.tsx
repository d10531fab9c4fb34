"use client";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { dayFraction, onDay, todayIn, weekDays, weekdayOf } from "@/lib/windows/calendar-grid";
import { shortDate, timeOnDay, weekdayName } from "./format";
import { WindowFlags, freezeStripes, windowClass } from "./item-chips";
import { windowHref, type CalendarFreezeItem, type CalendarWindowItem } from "./types";

const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

/** Seven day columns on a 24-hour axis in the viewer's zone: freezes as striped bands, windows as blocks. */
export function WeekView({ day, windows, freezes }: { day: string; windows: CalendarWindowItem[]; freezes: CalendarFreezeItem[] }) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
      <div className="grid min-w-[48rem] grid-cols-[3rem_repeat(7,1fr)]">
        <div className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
        {weekDays(day).map((d) => (
          <div key={d} className={cn("border-b border-l border-zinc-200 bg-zinc-50 px-2 py-1.5 text-xs font-medium dark:border-zinc-800 dark:bg-zinc-900", d === today && "text-accent-700 dark:text-accent-300")}>
            {weekdayName(weekdayOf(d))} {shortDate(d)}
          </div>
        ))}
        <div className="relative h-[36rem]">
          {HOURS.map((h) => (
            <span key={h} className="absolute right-1 -translate-y-1/2 text-[10px] tabular-nums text-zinc-500" style={{ top: `${(h / 24) * 100}%` }}>
              {h > 0 && `${String(h).padStart(2, "0")}:00`}
            </span>
          ))}
        </div>
        {weekDays(day).map((d) => (
          <div key={d} className="relative h-[36rem] border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950" aria-label={d}>
            {HOURS.map((h) => (
              <div key={h} className="absolute inset-x-0 border-t border-zinc-100 dark:border-zinc-900" style={{ top: `${(h / 24) * 100}%` }} />
            ))}
            {onDay(freezes, d, zone).map((f) => {
              const { top, height } = dayFraction(f, d, zone);
              return (
                <div
                  key={f.key}
                  className={cn("absolute inset-x-0 border-y border-amber-500/30 px-1 text-[10px] text-amber-900 dark:text-amber-200", freezeStripes)}
                  style={{ top: `${top * 100}%`, height: `${height * 100}%` }}
                  title={`${f.description}: ${f.reason}`}
                  data-testid="calendar-freeze"
                >
                  Freeze {f.environment ?? "(all)"}
                </div>
              );
            })}
            {onDay(windows, d, zone).map((w) => {
              const { top, height } = dayFraction(w, d, zone);
              return (
                <Link
                  key={w.id}
                  href={windowHref(w)}
                  className={cn("absolute inset-x-1 overflow-hidden rounded px-1 py-0.5 text-[11px] leading-tight shadow-sm", windowClass(w))}
                  style={{ top: `${top * 100}%`, height: `${height * 100}%`, minHeight: "1.25rem" }}
                  data-testid="calendar-window"
                >
                  <span className="font-medium tabular-nums">{timeOnDay(w, d, zone)}</span> {w.launchName}
                  <span className="block truncate">
                    {w.environment} <WindowFlags w={w} />
                  </span>
                </Link>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
