import { HydrationBoundary } from "@tanstack/react-query";
import { Download, Server } from "lucide-react";
import Link from "next/link";
import { WindowForm } from "@/components/windows/window-form";
import { WindowsView } from "@/components/windows/windows-view";
import { prefetchLaunch } from "@/lib/launches/prefetch";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { allTimeZones } from "@/lib/time/zones";
import { listEnvironments } from "@/lib/windows/queries";

export const metadata = { title: "Windows" };

export default async function WindowsPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const [state, environments] = await Promise.all([prefetchLaunch(actor, launch.id, ["windows"]), listEnvironments()]);
  const canManage = can(actor, { role: launch.role }, "window.manage");
  const timeZones = allTimeZones();
  return (
    <HydrationBoundary state={state}>
      <div className="flex flex-col gap-5">
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
        <WindowsView launchId={launch.id} launchZone={launch.timeZone} canManage={canManage} environments={environments} timeZones={timeZones} />
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
      </div>
    </HydrationBoundary>
  );
}
