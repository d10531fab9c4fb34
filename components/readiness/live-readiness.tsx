"use client";
import { useQuery } from "@tanstack/react-query";
import { getReadinessAction } from "@/app/(app)/launches/[launchId]/readiness-actions";
import { ChecklistSummaryCard } from "@/components/checklist/summary-card";
import { launchKeys } from "@/lib/launches/query-keys";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { ReadinessHero } from "./readiness-hero";

/** Readiness from the query cache: seeded by the server render, replaced by every live batch and action. */
export function useLiveReadiness(launchId: string, initial: ReadinessDTO) {
  return useQuery({
    queryKey: launchKeys.readiness(launchId),
    queryFn: async () => {
      const result = await getReadinessAction({ launchId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    initialData: initial,
    staleTime: 60_000,
  }).data;
}

export function LiveReadinessHero({ launchId, initial }: { launchId: string; initial: ReadinessDTO }) {
  return <ReadinessHero readiness={useLiveReadiness(launchId, initial)} />;
}

export function LiveChecklistSummary({ launchId, initial }: { launchId: string; initial: ReadinessDTO }) {
  const readiness = useLiveReadiness(launchId, initial);
  return <ChecklistSummaryCard summary={readiness.checklist} href={`/launches/${launchId}/checklist`} />;
}
