import { HydrationBoundary } from "@tanstack/react-query";
import { OverviewView } from "@/components/launches/overview-view";
import { StatusUpdateRights } from "@/components/status-updates/rights";
import { isReadOnlyLaunch } from "@/lib/domain/read-only";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

export default async function LaunchOverviewPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const state = await prefetchLaunch(actor, launch.id, ["overview", "activity", "members", "statusUpdates"]);
  return (
    <HydrationBoundary state={state}>
      <StatusUpdateRights canPost={can(actor, { role: launch.role }, "launch.edit") && !isReadOnlyLaunch(launch.status)}>
        <OverviewView launchId={launch.id} />
      </StatusUpdateRights>
    </HydrationBoundary>
  );
}
