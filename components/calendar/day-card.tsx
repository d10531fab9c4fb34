"use client";
import { cn } from "@/components/ui/cn";
import { WindowStatusBadge } from "@/components/windows/window-status-badge";
import { weekdayOf } from "@/lib/windows/calendar-grid";
import { shortDate, timeOnDay, weekdayName } from "./format";
import { FreezeChip, WindowFlags, WindowLink, windowClass } from "./item-chips";
import type { CalendarFreezeItem, CalendarWindowItem } from "./types";

/** One day as a card of full-width rows: the agenda unit of the timeline and of every view on a phone. */
export function DayCard({
  d,
  today,
  zone,
  windows,
  freezes,
  id,
}: {
  d: string;
  today: string;
  zone: string;
  windows: CalendarWindowItem[];
  freezes: CalendarFreezeItem[];
  id?: string;
}) {
  const empty = windows.length + freezes.length === 0;
  return (
    <li id={id} className="scroll-mt-20 rounded-lg bg-white p-3 ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="calendar-day-card">
      <h3 className={cn("text-sm font-semibold", !empty && "mb-2", d === today && "text-accent-700 dark:text-accent-300")}>
        {weekdayName(weekdayOf(d))} {shortDate(d)} {d === today && "· Today"}
        {empty && <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">Nothing planned</span>}
      </h3>
      {!empty && (
        <ul className="space-y-2">
          {windows.map((w) => (
            <li key={w.id}>
              <WindowLink w={w} className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-3 py-2 text-sm", windowClass(w))} data-testid="calendar-window">
                <span className="font-mono text-xs tabular-nums">{timeOnDay(w, d, zone)}</span>
                <span className="min-w-0 font-medium break-words">{w.launchName}</span>
                <span className="text-xs">{w.environment}</span>
                <WindowStatusBadge status={w.status} />
                <span className="text-xs">
                  <WindowFlags w={w} />
                </span>
              </WindowLink>
            </li>
          ))}
          {freezes.map((f) => (
            <li key={f.key}>
              <FreezeChip f={f} time={timeOnDay(f, d, zone)} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
