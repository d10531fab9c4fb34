import { HydrationBoundary } from "@tanstack/react-query";
import { GoNoGoView } from "@/components/signoff/go-no-go-view";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

export const metadata = { title: "Go/no-go" };

export default async function GoNoGoPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const state = await prefetchLaunch(actor, launch.id, ["checklist", "signoffs", "windows", "go", "changes"]);
  return (
    <HydrationBoundary state={state}>
      <GoNoGoView
        launchId={launch.id}
        canDecide={can(actor, { role: launch.role }, "go.decide")}
        canMove={can(actor, { role: launch.role }, "launch.lifecycle")}
      />
    </HydrationBoundary>
  );
}
