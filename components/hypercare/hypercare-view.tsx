"use client";
import { useQuery } from "@tanstack/react-query";
import { Activity, FileText } from "lucide-react";
import Link from "next/link";
import { transitionLaunchAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { launchQueries } from "@/lib/launches/view-queries";
import { CriteriaCard } from "./criteria-card";
import { HypercareSummary } from "./hypercare-summary";
import { IncidentLog } from "./incident-log";
import { useEvaluation } from "./use-evaluation";

export type HypercareRights = { manage: boolean; record: boolean; incidents: boolean; close: boolean };

/** The Hypercare tab: the planned end and the way out (criteria, close), and the incident log. */
export function HypercareView({ launchId, rights }: { launchId: string; rights: HypercareRights }) {
  const { data, isPending, error } = useQuery(launchQueries.hypercare(launchId));
  const { data: members = [] } = useQuery(launchQueries.members(launchId));
  const evaluation = useEvaluation(data);
  if (isPending) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading hypercare…</p>;
  if (error || !data) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">Could not load hypercare: {error?.message ?? "unknown error"}. Reload the page.</p>;
  const incidentsOpen = ["IN_WINDOW", "LIVE", "HYPERCARE", "ROLLED_BACK"].includes(data.status);
  return (
    <div className="space-y-5">
      {data.hypercare ? (
        <HypercareSummary launchId={launchId} data={data} evaluation={evaluation} rights={rights} />
      ) : (
        <NotStarted launchId={launchId} status={data.status} canStart={rights.close} />
      )}
      {data.hypercare && (
        <CriteriaCard launchId={launchId} data={data} evaluation={evaluation} rights={rights} />
      )}
      <IncidentLog launchId={launchId} data={data} members={members} canWrite={rights.incidents && incidentsOpen} />
      {data.status === "CLOSED" && (
        <p className="no-print">
          <Link href={`/launches/${launchId}/hypercare/report`} className="inline-flex items-center gap-1.5 text-sm font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300">
            <FileText className="size-4" aria-hidden /> Open the closing report
          </Link>
        </p>
      )}
    </div>
  );
}

function NotStarted({ launchId, status, canStart }: { launchId: string; status: string; canStart: boolean }) {
  const { run, pending } = useAction();
  return (
    <Card>
      <EmptyState icon={<Activity className="size-8" />} title="Hypercare has not started">
        {status === "LIVE"
          ? "The launch is live. Start hypercare to watch it closely: a planned end 14 days out and exit criteria you can edit."
          : "Hypercare begins when the launch moves from Live to Hypercare. Incidents can be logged from the moment the window opens."}
        {status === "LIVE" && canStart && (
          <div className="mt-4">
            <Button
              disabled={pending}
              aria-busy={pending}
              data-saving={pending || undefined}
              onClick={() => run(() => transitionLaunchAction({ launchId, to: "HYPERCARE", from: "LIVE" }), { success: "Hypercare started" })}
            >
              Start hypercare
            </Button>
          </div>
        )}
      </EmptyState>
    </Card>
  );
}
