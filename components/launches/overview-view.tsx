"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ActivityList } from "@/components/launches/activity-list";
import { NextWindowCard } from "@/components/launches/next-window-card";
import { WhoMustAct } from "@/components/launches/who-must-act";
import { LiveChecklistSummary, LiveReadinessHero } from "@/components/readiness/live-readiness";
import { PonrCard } from "@/components/runbook/ponr-card";
import { StatusTimeline } from "@/components/status-updates/status-timeline";
import { Card, CardHeader } from "@/components/ui/card";
import { ROLE_LABEL, ROLES } from "@/lib/domain/roles";
import { launchQueries } from "@/lib/launches/view-queries";

const LATEST = 10;

// The status overview a stakeholder understands in five seconds: readiness first and biggest, then the
// window and its countdowns, progress by section, who still has to act, and the latest activity. Every
// part reads the query cache, which the live stream patches: nothing here refetches on a change.
export function OverviewView({ launchId }: { launchId: string }) {
  const meta = useQuery(launchQueries.meta(launchId)).data;
  const overview = useQuery(launchQueries.overview(launchId)).data;
  const activity = useQuery(launchQueries.activity(launchId)).data ?? [];
  const members = useQuery(launchQueries.members(launchId)).data ?? [];
  const zone = meta?.timeZone ?? "UTC";
  return (
    <div className="space-y-5">
      <LiveReadinessHero launchId={launchId} />
      {/* On a phone the columns dissolve (display: contents) so the window and its countdowns come first. */}
      <div className="flex flex-col gap-5 lg:grid lg:grid-cols-3 lg:items-start">
        <div className="max-lg:contents lg:col-span-2 lg:space-y-5">
          <div className="max-lg:order-2">
            <LiveChecklistSummary launchId={launchId} />
          </div>
          <div className="max-lg:order-3">
            <StatusTimeline launchId={launchId} zone={zone} />
          </div>
          <Card aria-labelledby="latest-activity" className="max-lg:order-4">
            <CardHeader
              id="latest-activity"
              title="Latest activity"
              actions={
                <Link href={`/launches/${launchId}/activity`} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
                  All activity
                </Link>
              }
            />
            <ActivityList entries={activity.slice(0, LATEST)} zone={zone} />
          </Card>
        </div>
        <div className="max-lg:contents lg:space-y-5">
          <div className="max-lg:order-1">
            <NextWindowCard launchId={launchId} window={overview?.window ?? null} zone={zone} />
          </div>
          {overview?.runbook?.pointOfNoReturn && (
            <div className="max-lg:order-1">
              <PonrCard launchId={launchId} ponr={overview.runbook} zone={zone} />
            </div>
          )}
          <div className="max-lg:order-3">
            <WhoMustAct people={overview?.pending ?? []} />
          </div>
          <Card aria-labelledby="team" className="max-lg:order-5">
            <CardHeader id="team" title="Team" description={`${members.length} ${members.length === 1 ? "member" : "members"}`} />
            <div className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
              {ROLES.map((role) => {
                const people = members.filter((m) => m.role === role);
                return (
                  <div key={role} className="px-4 py-2.5">
                    <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{ROLE_LABEL[role]}s</h3>
                    <p className="mt-0.5">{people.length ? people.map((p) => p.name).join(", ") : <span className="text-zinc-600 dark:text-zinc-400">None yet</span>}</p>
                  </div>
                );
              })}
            </div>
          </Card>
          {meta?.description && (
            <Card className="p-4 max-lg:order-6">
              <h2 className="text-sm font-semibold">About this launch</h2>
              <p className="mt-1 whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{meta.description}</p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
