import { CalendarPlus, Download, Server } from "lucide-react";
import Link from "next/link";
import { WindowCard } from "@/components/windows/window-card";
import { WindowForm } from "@/components/windows/window-form";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { allTimeZones } from "@/lib/time/zones";
import { listEnvironments, listLaunchWindows } from "@/lib/windows/queries";

export const metadata = { title: "Windows" };

export default async function WindowsPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const [windows, environments] = await Promise.all([listLaunchWindows(launch.id), listEnvironments()]);
  const canManage = can(actor, { role: launch.role }, "window.manage");
  const timeZones = allTimeZones();
  const active = windows.filter((w) => w.status !== "CANCELLED" && w.status !== "COMPLETED" && w.status !== "ROLLED_BACK");
  const past = windows.filter((w) => !active.includes(w));
  const card = (w: (typeof windows)[number]) => (
    <WindowCard key={w.id} window={w} launchZone={launch.timeZone} canManage={canManage} environments={environments} timeZones={timeZones} />
  );
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Times read in the launch&apos;s zone ({launch.timeZone}), your own zone and UTC.
        </p>
        <div className="flex gap-3 text-sm font-medium">
          <a href={`/api/launches/${launch.id}/calendar.ics`} className="inline-flex items-center gap-1 text-accent-600 hover:underline dark:text-accent-400">
            <Download className="size-4" aria-hidden /> Download .ics
          </a>
          <Link href="/calendar" className="text-accent-600 hover:underline dark:text-accent-400">
            Open the calendar
          </Link>
        </div>
      </div>
      <section aria-label="Windows" className="space-y-4">
        {active.length === 0 && (
          <Card>
            <EmptyState icon={<CalendarPlus className="size-8" />} title="No window planned">
              {canManage ? "Plan the go-live window above; the team sees it here and on the calendar." : "A manager of this launch schedules its window; it will appear here."}
            </EmptyState>
          </Card>
        )}
        {active.map(card)}
      </section>
      {canManage && environments.length > 0 && (
        <Card aria-labelledby="new-window">
          <CardHeader id="new-window" title="Plan a window" description="Propose it to hold the plan, or schedule it to claim the environment. Clashes and freezes are checked as you save." />
          <WindowForm launchId={launch.id} launchZone={launch.timeZone} environments={environments} timeZones={timeZones} />
        </Card>
      )}
      {canManage && environments.length === 0 && (
        <Card>
          <EmptyState icon={<Server className="size-8" />} title="No environments yet">
            An instance admin adds the environments windows are scheduled on (production-eu, staging…) on the admin page.
          </EmptyState>
        </Card>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past-windows" className="space-y-4">
          <h2 id="past-windows" className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
            Past and cancelled windows
          </h2>
          {past.map(card)}
        </section>
      )}
    </div>
  );
}
