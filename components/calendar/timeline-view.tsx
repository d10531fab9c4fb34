"use client";
import { CalendarX } from "lucide-react";
import { EmptyState } from "@/components/ui/card";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { onDay, todayIn, viewDays } from "@/lib/windows/calendar-grid";
import { DayCard } from "./day-card";
import type { CalendarFreezeItem, CalendarWindowItem } from "./types";

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
      {days.map((x) => (
        <DayCard key={x.d} d={x.d} today={today} zone={zone} windows={x.windows} freezes={x.freezes} />
      ))}
    </ol>
  );
}
