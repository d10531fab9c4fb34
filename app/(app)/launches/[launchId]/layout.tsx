import { Globe } from "lucide-react";
import { LaunchStatusBadge } from "@/components/launch-status-badge";
import { LaunchTabs } from "@/components/launches/launch-tabs";
import { LaunchLive } from "@/components/live/launch-live";
import { LiveIndicator } from "@/components/live/live-indicator";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABEL } from "@/lib/domain/roles";
import { maxEventId } from "@/lib/live/events";
import { listMembers } from "@/lib/launches/queries";
import { loadLaunchPage } from "@/lib/launches/page-data";

export default async function LaunchLayout({ children, params }: { children: React.ReactNode; params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  // The stream starts after the newest event this render has seen, so nothing between render and
  // connect is lost.
  const [cursor, members] = await Promise.all([maxEventId(launch.id), listMembers(launch.id)]);
  const names = Object.fromEntries(members.map((m) => [m.userId, m.name]));
  return (
    <LaunchLive launchId={launch.id} cursor={cursor.toString()}>
      <div className="space-y-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{launch.system}</p>
            <h1 className="truncate text-2xl font-semibold tracking-tight">{launch.name}</h1>
            <div className="mt-1.5">
              <LiveIndicator names={names} selfId={actor.userId} />
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <LaunchStatusBadge status={launch.status} />
            <Badge tone="grey" icon={<Globe className="size-3.5" aria-hidden />}>
              {launch.timeZone}
            </Badge>
            {launch.role && <Badge tone="accent">You: {ROLE_LABEL[launch.role]}</Badge>}
          </div>
        </div>
        <LaunchTabs launchId={launch.id} />
        {children}
      </div>
    </LaunchLive>
  );
}
