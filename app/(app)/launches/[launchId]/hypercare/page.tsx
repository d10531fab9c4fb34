import { HydrationBoundary } from "@tanstack/react-query";
import { HypercareView } from "@/components/hypercare/hypercare-view";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

export const metadata = { title: "Hypercare" };

export default async function HypercarePage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const state = await prefetchLaunch(actor, launch.id, ["hypercare", "members"]);
  const access = { role: launch.role };
  return (
    <HydrationBoundary state={state}>
      <HypercareView
        launchId={launch.id}
        rights={{
          manage: can(actor, access, "hypercare.manage"),
          record: can(actor, access, "hypercare.record"),
          incidents: can(actor, access, "incident.write"),
          close: can(actor, access, "launch.lifecycle"),
        }}
      />
    </HydrationBoundary>
  );
}
