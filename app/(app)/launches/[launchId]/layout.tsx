import { HydrationBoundary } from "@tanstack/react-query";
import { LaunchHeader } from "@/components/launches/launch-header";
import { LaunchTabs } from "@/components/launches/launch-tabs";
import { LaunchLive } from "@/components/live/launch-live";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { launchCursor, prefetchLaunch } from "@/lib/launches/prefetch";
import { membersForRender } from "@/lib/launches/view";

// Every launch page renders from the query cache: the header and readiness are prefetched here, each
// page prefetches its own parts, and the one live stream (LaunchLive) patches them in place.
export default async function LaunchLayout({ children, params }: { children: React.ReactNode; params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  // The cursor is read before any data of this render (prefetchLaunch awaits it too): nothing is lost.
  const cursor = await launchCursor(launch.id);
  const [state, members] = await Promise.all([prefetchLaunch(actor, launch.id, ["meta", "readiness"]), membersForRender(launch.id)]);
  const names = Object.fromEntries(members.map((m) => [m.userId, m.name]));
  return (
    <LaunchLive launchId={launch.id} cursor={cursor.toString()} viewerId={actor.userId} isMember={launch.role !== null}>
      <HydrationBoundary state={state}>
        <div className="space-y-5">
          <LaunchHeader launchId={launch.id} role={launch.role} names={names} selfId={actor.userId} />
          <LaunchTabs launchId={launch.id} />
          {children}
        </div>
      </HydrationBoundary>
    </LaunchLive>
  );
}
