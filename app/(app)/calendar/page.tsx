import { Settings } from "lucide-react";
import Link from "next/link";
import { CalendarToolbar } from "@/components/calendar/calendar-toolbar";
import { Legend } from "@/components/calendar/legend";
import { MonthView } from "@/components/calendar/month-view";
import { SubscribePanel } from "@/components/calendar/subscribe-panel";
import { TimelineView } from "@/components/calendar/timeline-view";
import { WeekView } from "@/components/calendar/week-view";
import { requirePageActor } from "@/lib/auth/session";
import { CALENDAR_VIEWS, isDay, todayIn, type CalendarView } from "@/lib/windows/calendar-grid";
import { calendarData } from "@/lib/windows/calendar-data";
import { feedStatus } from "@/lib/windows/feed";

export const metadata = { title: "Calendar" };

type Search = { view?: string; date?: string; env?: string };

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const view = CALENDAR_VIEWS.find((v) => v === params.view) ?? null;
  const day = isDay(params.date) ? params.date : todayIn("UTC");
  const env = typeof params.env === "string" && params.env ? params.env : null;
  // No explicit view: the month for wide screens and the timeline for phones, chosen by CSS.
  const views: CalendarView[] = view ? [view] : ["month", "timeline"];
  const [data, feed] = await Promise.all([calendarData(actor, views, day, env), feedStatus(actor.userId)]);
  const props = { day, windows: data.windows, freezes: data.freezes };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Calendar</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Windows of your launches and every freeze, by environment.</p>
        </div>
        {actor.isAdmin && (
          <Link href="/admin" className="inline-flex items-center gap-1 text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
            <Settings className="size-4" aria-hidden /> Environments and freezes
          </Link>
        )}
      </div>
      <CalendarToolbar view={view} day={day} env={env} environments={data.environments} />
      <Legend />
      {view === "month" && <MonthView {...props} />}
      {view === "week" && <WeekView {...props} />}
      {view === "timeline" && <TimelineView {...props} />}
      {view === null && (
        <>
          <div className="hidden md:block">
            <MonthView {...props} />
          </div>
          <div className="md:hidden">
            <TimelineView {...props} />
          </div>
        </>
      )}
      <SubscribePanel active={feed.active} createdAt={feed.createdAt} />
    </div>
  );
}
