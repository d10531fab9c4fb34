"use client";
import { useQuery } from "@tanstack/react-query";
import { ActivityList } from "@/components/launches/activity-list";
import { Card, CardHeader } from "@/components/ui/card";
import { launchQueries } from "@/lib/launches/view-queries";

/** The audit trail, newest first, from the query cache; live events are prepended as they arrive. */
export function ActivityView({ launchId, zone }: { launchId: string; zone: string }) {
  const entries = useQuery(launchQueries.activity(launchId)).data ?? [];
  return (
    <Card aria-labelledby="activity-title">
      <CardHeader id="activity-title" title="Activity" description={`The audit trail of this launch. Times in ${zone}.`} />
      <ActivityList entries={entries} zone={zone} />
    </Card>
  );
}
