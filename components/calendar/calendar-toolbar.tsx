"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import { useViewerZone } from "@/components/windows/use-viewer-zone";
import { CALENDAR_VIEWS, shiftPeriod, weekDays, type CalendarView } from "@/lib/windows/calendar-grid";
import { monthTitle, shortDate } from "./format";

type Props = { view: CalendarView | null; day: string; env: string | null; environments: { id: string; name: string }[] };
const LABEL: Record<CalendarView, string> = { month: "Month", week: "Week", timeline: "Timeline" };

function title(view: CalendarView, day: string) {
  if (view === "month") return monthTitle(day);
  if (view === "week") return `Week of ${shortDate(weekDays(day)[0])} ${weekDays(day)[0].slice(0, 4)}`;
  return `4 weeks from ${shortDate(day)} ${day.slice(0, 4)}`;
}

/** View switch, period navigation and the environment filter, all kept in the URL so views can be shared. */
export function CalendarToolbar({ view, day, env, environments }: Props) {
  const router = useRouter();
  const zone = useViewerZone();
  const href = (over: { view?: CalendarView | null; date?: string | null; env?: string | null }) => {
    const p = new URLSearchParams();
    const v = over.view === undefined ? view : over.view;
    const e = over.env === undefined ? env : over.env;
    if (v) p.set("view", v);
    // null: no date, so the server picks today (in UTC) and no clock of this browser is trusted.
    const date = over.date === undefined ? day : over.date;
    if (date) p.set("date", date);
    if (e) p.set("env", e);
    return `/calendar?${p}`;
  };
  const effective = view ?? "month";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <nav aria-label="Calendar view" className="inline-flex rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
        {CALENDAR_VIEWS.map((v) => {
          // Without an explicit view, a phone shows the timeline and a wider screen the month.
          const current = view === v;
          const implicit = view === null && (v === "month" ? "md:bg-white md:shadow-sm md:dark:bg-zinc-950" : v === "timeline" ? "bg-white shadow-sm dark:bg-zinc-950 md:bg-transparent md:shadow-none md:dark:bg-transparent" : "");
          return (
            <Link key={v} href={href({ view: v })} aria-current={current ? "page" : undefined} className={cn("rounded px-3 py-1 text-sm font-medium", current && "bg-white shadow-sm dark:bg-zinc-950", implicit)}>
              {LABEL[v]}
            </Link>
          );
        })}
      </nav>
      <div className="flex items-center gap-1">
        <Button asChild variant="ghost" size="sm" aria-label="Previous">
          <Link href={href({ date: shiftPeriod(effective, day, -1) })}>
            <ChevronLeft className="size-4" aria-hidden />
          </Link>
        </Button>
        <Button asChild variant="secondary" size="sm">
          <Link href={href({ date: null })}>Today</Link>
        </Button>
        <Button asChild variant="ghost" size="sm" aria-label="Next">
          <Link href={href({ date: shiftPeriod(effective, day, 1) })}>
            <ChevronRight className="size-4" aria-hidden />
          </Link>
        </Button>
      </div>
      <h2 className="text-lg font-semibold">{title(effective, day)}</h2>
      <div className="ml-auto flex items-center gap-2">
        <label htmlFor="calendar-env" className="text-sm text-zinc-600 dark:text-zinc-400">
          Environment
        </label>
        <Select id="calendar-env" className="w-44" value={env ?? ""} onChange={(e) => router.push(href({ env: e.target.value || null }))}>
          <option value="">All environments</option>
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </Select>
      </div>
      <p className="w-full text-xs text-zinc-500 dark:text-zinc-400">Times in your zone: {zone}.</p>
    </div>
  );
}
