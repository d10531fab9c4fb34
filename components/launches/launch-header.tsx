"use client";
import { useQuery } from "@tanstack/react-query";
import { Globe } from "lucide-react";
import { LaunchStatusBadge } from "@/components/launch-status-badge";
import { LiveIndicator } from "@/components/live/live-indicator";
import { NotifyToggle } from "@/components/live/notify-toggle";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABEL, type Role } from "@/lib/domain/roles";
import { launchQueries } from "@/lib/launches/view-queries";

/** The launch's name, lifecycle and zone, from the query cache: the live stream keeps them current. */
export function LaunchHeader({ launchId, role, names, selfId }: { launchId: string; role: Role | null; names: Record<string, string>; selfId: string }) {
  const { data: meta } = useQuery(launchQueries.meta(launchId));
  const { data: readiness } = useQuery(launchQueries.readiness(launchId));
  if (!meta) return null;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{meta.system}</p>
        <h1 className="truncate text-2xl font-semibold tracking-tight">{meta.name}</h1>
        <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <LiveIndicator names={names} selfId={selfId} />
          {role && <NotifyToggle />}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <LaunchStatusBadge status={meta.status} goOverride={meta.goOverride} readiness={readiness?.state ?? null} overrideHref={`/launches/${launchId}/go-no-go`} />
        <Badge tone="grey" icon={<Globe className="size-3.5" aria-hidden />}>
          {meta.timeZone}
        </Badge>
        {role && <Badge tone="accent">You: {ROLE_LABEL[role]}</Badge>}
      </div>
    </div>
  );
}
