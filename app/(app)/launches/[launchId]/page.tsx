import Link from "next/link";
import { ActivityList } from "@/components/launches/activity-list";
import { NextWindowCard } from "@/components/launches/next-window-card";
import { WhoMustAct } from "@/components/launches/who-must-act";
import { LiveChecklistSummary, LiveReadinessHero } from "@/components/readiness/live-readiness";
import { Card, CardHeader } from "@/components/ui/card";
import { ROLE_LABEL, ROLES } from "@/lib/domain/roles";
import { loadOverview } from "@/lib/launches/overview";
import { loadLaunchPage } from "@/lib/launches/page-data";

// The status overview a stakeholder understands in five seconds: readiness first and biggest, then the
// window and its countdowns, progress by section, who still has to act, and the latest activity.
export default async function LaunchOverviewPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { launch } = await loadLaunchPage(params);
  const overview = await loadOverview(launch.id);
  return (
    <div className="space-y-5">
      <LiveReadinessHero launchId={launch.id} initial={overview.readiness} />
      {/* On a phone the columns dissolve (display: contents) so the window and its countdowns come first. */}
      <div className="flex flex-col gap-5 lg:grid lg:grid-cols-3 lg:items-start">
        <div className="max-lg:contents lg:col-span-2 lg:space-y-5">
          <div className="max-lg:order-2">
            <LiveChecklistSummary launchId={launch.id} initial={overview.readiness} />
          </div>
          <Card aria-labelledby="latest-activity" className="max-lg:order-4">
            <CardHeader
              id="latest-activity"
              title="Latest activity"
              actions={
                <Link href={`/launches/${launch.id}/activity`} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
                  All activity
                </Link>
              }
            />
            <ActivityList entries={overview.activity} zone={launch.timeZone} />
          </Card>
        </div>
        <div className="max-lg:contents lg:space-y-5">
          <div className="max-lg:order-1">
            <NextWindowCard launchId={launch.id} window={overview.window} zone={launch.timeZone} />
          </div>
          <div className="max-lg:order-3">
            <WhoMustAct people={overview.pending} />
          </div>
          <Card aria-labelledby="team" className="max-lg:order-5">
            <CardHeader id="team" title="Team" description={`${overview.members.length} ${overview.members.length === 1 ? "member" : "members"}`} />
            <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
              {ROLES.map((role) => {
                const people = overview.members.filter((m) => m.role === role);
                return (
                  <div key={role} className="px-4 py-2.5">
                    <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{ROLE_LABEL[role]}s</dt>
                    <dd className="mt-0.5">{people.length ? people.map((p) => p.name).join(", ") : <span className="text-zinc-500">None yet</span>}</dd>
                  </div>
                );
              })}
            </dl>
          </Card>
          {launch.description && (
            <Card className="p-4 max-lg:order-6">
              <h2 className="text-sm font-semibold">About this launch</h2>
              <p className="mt-1 whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{launch.description}</p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
