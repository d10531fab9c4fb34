"use client";
import { cn } from "@/components/ui/cn";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { dayFraction, onDay, todayIn, weekDays, weekdayOf } from "@/lib/windows/calendar-grid";
import { DayCard } from "./day-card";
import { shortDate, timeOnDay, weekdayName } from "./format";
import { WindowFlags, WindowLink, freezeStripes, windowClass } from "./item-chips";
import type { CalendarFreezeItem, CalendarWindowItem } from "./types";

const HOURS = [0, 3, 6, 9, 12, 15, 18, 21];

type Props = { day: string; windows: CalendarWindowItem[]; freezes: CalendarFreezeItem[] };

/** The week: seven columns on a 24-hour axis from md up; on a phone the seven days as a list, none hidden off screen. */
export function WeekView(props: Props) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  return (
    <>
      <div className="hidden md:block">
        <WeekGrid {...props} />
      </div>
      <ol aria-label="Week" className="space-y-3 md:hidden">
        {weekDays(props.day).map((d) => (
          <DayCard key={d} d={d} today={today} zone={zone} windows={onDay(props.windows, d, zone)} freezes={onDay(props.freezes, d, zone)} />
        ))}
      </ol>
    </>
  );
}

/** Freezes as striped bands, windows as blocks. */
function WeekGrid({ day, windows, freezes }: Props) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
      <div className="grid min-w-[44rem] grid-cols-[3rem_repeat(7,1fr)]">
        <div className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
        {weekDays(day).map((d) => (
          <div key={d} className={cn("border-b border-l border-zinc-200 bg-zinc-50 px-2 py-1.5 text-xs font-medium dark:border-zinc-800 dark:bg-zinc-900", d === today && "text-accent-700 dark:text-accent-300")}>
            {weekdayName(weekdayOf(d))} {shortDate(d)}
          </div>
        ))}
        <div className="relative h-[36rem]">
          {HOURS.map((h) => (
            <span key={h} className="absolute right-1 -translate-y-1/2 text-[11px] tabular-nums text-zinc-600 dark:text-zinc-400" style={{ top: `${(h / 24) * 100}%` }}>
              {h > 0 && `${String(h).padStart(2, "0")}:00`}
            </span>
          ))}
        </div>
        {weekDays(day).map((d) => (
          <div key={d} className="relative h-[36rem] border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950" data-day={d}>
            {HOURS.map((h) => (
              <div key={h} className="absolute inset-x-0 border-t border-zinc-100 dark:border-zinc-900" style={{ top: `${(h / 24) * 100}%` }} />
            ))}
            {onDay(freezes, d, zone).map((f) => {
              const { top, height } = dayFraction(f, d, zone);
              return (
                <div
                  key={f.key}
                  className={cn("absolute inset-x-0 border-y border-amber-500/30 px-1 text-[11px] text-amber-900 dark:text-amber-200", freezeStripes)}
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
                <WindowLink
                  key={w.id}
                  w={w}
                  className={cn("absolute inset-x-1 overflow-hidden rounded px-1 py-0.5 text-[11px] leading-tight shadow-sm", windowClass(w))}
                  style={{ top: `${top * 100}%`, height: `${height * 100}%`, minHeight: "1.25rem" }}
                  data-testid="calendar-window"
                >
                  <span className="font-medium tabular-nums">{timeOnDay(w, d, zone)}</span> {w.launchName}
                  <span className="block truncate">
                    {w.environment} <WindowFlags w={w} />
                  </span>
                </WindowLink>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
