"use client";
import { useQuery } from "@tanstack/react-query";
import { ChecklistSummaryCard } from "@/components/checklist/summary-card";
import { launchQueries } from "@/lib/launches/view-queries";
import { ReadinessHero } from "./readiness-hero";

/** Readiness from the query cache: prefetched by the launch layout, replaced by live batches. */
export function useLiveReadiness(launchId: string) {
  return useQuery(launchQueries.readiness(launchId)).data;
}

export function LiveReadinessHero({ launchId }: { launchId: string }) {
  const readiness = useLiveReadiness(launchId);
  return readiness ? <ReadinessHero readiness={readiness} /> : null;
}

export function LiveChecklistSummary({ launchId }: { launchId: string }) {
  const readiness = useLiveReadiness(launchId);
  return readiness ? <ChecklistSummaryCard summary={readiness.checklist} href={`/launches/${launchId}/checklist`} /> : null;
}
