import { HydrationBoundary } from "@tanstack/react-query";
import { ActivityView } from "@/components/launches/activity-view";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

export const metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const state = await prefetchLaunch(actor, launch.id, ["activity"]);
  return (
    <HydrationBoundary state={state}>
      <ActivityView launchId={launch.id} zone={launch.timeZone} />
    </HydrationBoundary>
  );
}
