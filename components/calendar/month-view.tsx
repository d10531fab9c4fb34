"use client";
import { cn } from "@/components/ui/cn";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { monthGrid, onDay, todayIn, weekdayOf } from "@/lib/windows/calendar-grid";
import { DayCard } from "./day-card";
import { dayNumber, monthTitle, shortDate, timeOnDay, weekdayName } from "./format";
import { FreezeChip, WindowChip, freezeStripes } from "./item-chips";
import type { CalendarFreezeItem, CalendarWindowItem } from "./types";

const MAX_FREEZES = 1;

type Props = { day: string; windows: CalendarWindowItem[]; freezes: CalendarFreezeItem[] };

/** The month in the viewer's zone: a full grid from md up; on a phone a compact grid of dots and the days below. */
export function MonthView(props: Props) {
  return (
    <>
      <div className="hidden md:block">
        <MonthGrid {...props} />
      </div>
      <div className="md:hidden">
        <PhoneMonth {...props} />
      </div>
    </>
  );
}

const fullDate = (d: string) => `${weekdayName(weekdayOf(d))} ${shortDate(d)}`;

/** Frozen days are striped and each window links to its launch. A static table: cells are named by their content. */
function MonthGrid({ day, windows, freezes }: Props) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  const month = day.slice(0, 7);
  return (
    <div role="table" aria-label={monthTitle(day)} className="overflow-hidden rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-800">
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
                role="cell"
                key={d}
                data-day={d}
                className={cn(
                  "min-h-28 min-w-0 space-y-1 bg-white p-1.5 dark:bg-zinc-950",
                  d.slice(0, 7) !== month && "bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400",
                  dayFreezes.length > 0 && freezeStripes,
                )}
              >
                <div className={cn("text-xs font-medium tabular-nums", d === today && "inline-grid size-5 place-items-center rounded-full bg-accent-600 text-white")}>
                  <span aria-hidden>{dayNumber(d)}</span>
                  <span className="sr-only">{fullDate(d)}</span>
                </div>
                {dayWindows.map((w) => (
                  <WindowChip key={w.id} w={w} time={timeOnDay(w, d, zone)} />
                ))}
                {dayFreezes.slice(0, MAX_FREEZES).map((f) => (
                  <FreezeChip key={f.key} f={f} time={timeOnDay(f, d, zone)} compact />
                ))}
                {dayFreezes.length > MAX_FREEZES && (
                  <p className="text-xs text-amber-800 dark:text-amber-300">+{dayFreezes.length - MAX_FREEZES} more freezes</p>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** A phone: the month as day numbers with a dot per kind of item (a day with items jumps to its card), then the days. */
function PhoneMonth({ day, windows, freezes }: Props) {
  const zone = useViewerZone();
  const today = todayIn(zone);
  const month = day.slice(0, 7);
  const weeks = monthGrid(day).map((week) => week.map((d) => ({ d, windows: onDay(windows, d, zone), freezes: onDay(freezes, d, zone) })));
  const busy = weeks.flat().filter((x) => x.d.slice(0, 7) === month && x.windows.length + x.freezes.length > 0);
  const anchor = (d: string) => `month-day-${d}`;
  return (
    <div className="space-y-4">
      <div role="table" aria-label={monthTitle(day)} className="rounded-lg bg-white p-2 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <div role="row" className="grid grid-cols-7 text-center text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <div role="columnheader" key={d} className="py-1">
              {weekdayName(d)}
            </div>
          ))}
        </div>
        {weeks.map((week) => (
          <div role="row" key={week[0].d} className="grid grid-cols-7">
            {week.map((x) => {
              const inMonth = x.d.slice(0, 7) === month;
              const clash = x.windows.some((w) => w.clash);
              const has = inMonth && x.windows.length + x.freezes.length > 0;
              const summary = [x.windows.length && `${x.windows.length} ${x.windows.length === 1 ? "window" : "windows"}`, x.freezes.length && (x.freezes.length === 1 ? "a freeze" : `${x.freezes.length} freezes`), clash && "a clash"]
                .filter(Boolean)
                .join(", ");
              const body = (
                <>
                  <span aria-hidden className={cn("grid size-7 place-items-center rounded-full tabular-nums", x.d === today && "bg-accent-600 font-semibold text-white")}>
                    {dayNumber(x.d)}
                  </span>
                  <span className="sr-only">
                    {fullDate(x.d)}
                    {summary && `: ${summary}`}
                  </span>
                  <span aria-hidden className="flex h-1.5 gap-0.5">
                    {inMonth && x.windows.length > 0 && <span className={cn("size-1.5 rounded-full", clash ? "bg-red-600 dark:bg-red-400" : "bg-accent-600 dark:bg-accent-400")} />}
                    {inMonth && x.freezes.length > 0 && <span className="size-1.5 rounded-full bg-amber-500" />}
                  </span>
                </>
              );
              const cls = cn("flex h-12 flex-col items-center justify-center gap-0.5 rounded-md text-sm", !inMonth && "text-zinc-500 dark:text-zinc-400");
              return (
                <div role="cell" key={x.d} data-day={x.d}>
                  {has ? (
                    <a href={`#${anchor(x.d)}`} className={cn(cls, "font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800")}>
                      {body}
                    </a>
                  ) : (
                    <div className={cls}>{body}</div>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {busy.length > 0 ? (
        <ol aria-label={`Days in ${monthTitle(day)}`} className="space-y-3">
          {busy.map((x) => (
            <DayCard key={x.d} id={anchor(x.d)} d={x.d} today={today} zone={zone} windows={x.windows} freezes={x.freezes} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No windows or freezes you can see this month. Managers plan windows on a launch&apos;s Windows tab; admins add freezes under Admin.
        </p>
      )}
    </div>
  );
}
