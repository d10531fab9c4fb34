import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { ChecklistView } from "@/components/checklist/checklist-view";
import { loadChecklist } from "@/lib/checklist/queries";
import { checklistKeys } from "@/lib/checklist/query-keys";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { getQueryClient } from "@/lib/query/client";

export const metadata = { title: "Checklist" };

export default async function ChecklistPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const queryClient = getQueryClient();
  // Same key as checklistQueryOptions; the server reads the database directly instead of the action.
  await queryClient.prefetchQuery({ queryKey: checklistKeys.list(launch.id), queryFn: () => loadChecklist(actor, launch.id) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChecklistView launchId={launch.id} launchName={launch.name} />
    </HydrationBoundary>
  );
}
