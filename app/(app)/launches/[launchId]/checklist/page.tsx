import { HydrationBoundary } from "@tanstack/react-query";
import { ChecklistView } from "@/components/checklist/checklist-view";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { prefetchLaunch } from "@/lib/launches/prefetch";

export const metadata = { title: "Checklist" };

export default async function ChecklistPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const state = await prefetchLaunch(actor, launch.id, ["checklist"]);
  return (
    <HydrationBoundary state={state}>
      <ChecklistView launchId={launch.id} launchName={launch.name} />
    </HydrationBoundary>
  );
}
