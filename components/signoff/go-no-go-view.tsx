"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ActivityList } from "@/components/launches/activity-list";
import { ReadinessHero } from "@/components/readiness/readiness-hero";
import { TimeStamp } from "@/components/time-stamp";
import { Card, CardHeader } from "@/components/ui/card";
import { launchQueries } from "@/lib/launches/view-queries";
import { canTransition, STATE_INFO, type LaunchState } from "@/lib/signoff/lifecycle";
import { formatInZone } from "@/lib/time/format";
import { measuredWindow } from "@/lib/windows/measured";
import { ChecklistGates } from "./gates/checklist-gates";
import { SignoffGates } from "./gates/signoff-gates";
import { WindowGate } from "./gates/window-gate";
import { GoDecisionForm } from "./go-decision-form";
import { GoHistory, OverrideCallout } from "./go-history";
import { LifecycleButtons } from "./lifecycle-buttons";
import { PrintButton } from "./print-button";

// Built for the meeting: the state, every gate with its evidence, what changed since people signed,
// the decision and its history, all from the query cache the live stream patches. Prints as a record
// of the meeting (forms and navigation hidden).
export function GoNoGoView({ launchId, canDecide, canMove }: { launchId: string; canDecide: boolean; canMove: boolean }) {
  const meta = useQuery(launchQueries.meta(launchId)).data;
  const readiness = useQuery(launchQueries.readiness(launchId)).data;
  const checklist = useQuery(launchQueries.checklist(launchId)).data;
  const groups = useQuery(launchQueries.signoffs(launchId)).data ?? [];
  const windows = useQuery(launchQueries.windows(launchId)).data ?? [];
  const decisions = useQuery(launchQueries.go(launchId)).data ?? [];
  const changes = useQuery(launchQueries.changes(launchId)).data ?? { since: null, entries: [] };
  const [printedAt, setPrintedAt] = useState<Date | null>(null);
  // The printed record says when it was printed.
  useEffect(() => {
    const stamp = () => setPrintedAt(new Date());
    window.addEventListener("beforeprint", stamp);
    return () => window.removeEventListener("beforeprint", stamp);
  }, []);
  if (!meta || !readiness) return null;
  const status = meta.status as LaunchState;
  const zone = meta.timeZone;
  const latest = decisions[0];
  const measured = measuredWindow(windows, new Date());
  const live = groups.map((g) => ({ ...g, evaluation: readiness.groups[g.id] ?? g.evaluation }));
  return (
    <div className="space-y-5 print:space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">Go/no-go</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Launch status: <strong>{STATE_INFO[status]?.label ?? status}</strong>. Times in {zone}.
            {printedAt && <span className="hidden print:inline"> Printed {formatInZone(printedAt, zone)}.</span>}
          </p>
        </div>
        <PrintButton />
      </div>
      {latest?.overrideReason && <OverrideCallout decision={latest} zone={zone} />}
      <ReadinessHero readiness={readiness} />
      <div className="grid items-start gap-4 lg:grid-cols-2 print:block print:space-y-3">
        <ChecklistGates items={checklist?.items ?? []} sections={checklist?.sections ?? []} />
        <div className="space-y-4 print:space-y-3">
          <SignoffGates groups={live} zone={zone} />
          <WindowGate window={measured} zone={zone} />
        </div>
      </div>
      <Card aria-labelledby="changed-since" className="print:break-inside-avoid-page print:shadow-none">
        <CardHeader
          id="changed-since"
          title="Changed since the last sign-off"
          description={changes.since ? undefined : "Nobody has signed off yet, so every change is unsigned."}
          actions={changes.since ? <span className="text-xs text-zinc-600 dark:text-zinc-400">Last sign-off <TimeStamp at={changes.since} zone={zone} /></span> : undefined}
        />
        {changes.since && changes.entries.length === 0 ? (
          <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">Nothing has changed since the last sign-off.</p>
        ) : (
          changes.since && <ActivityList entries={changes.entries} zone={zone} />
        )}
      </Card>
      {canDecide && (canTransition(status, "GO") || canTransition(status, "NO_GO")) && (
        <GoDecisionForm
          launchId={launchId}
          state={readiness.state}
          reasonCount={readiness.reasons.length}
          canGo={canTransition(status, "GO")}
          canNoGo={canTransition(status, "NO_GO")}
          status={status}
          statusLabel={STATE_INFO[status]?.label ?? status}
        />
      )}
      {canMove && (
        <Card aria-labelledby="lifecycle" className="no-print">
          <CardHeader id="lifecycle" title="Lifecycle" description={`Now “${STATE_INFO[status]?.label ?? status}”. Each move is recorded in the activity.`} />
          <div className="p-4">
            <LifecycleButtons launchId={launchId} status={status} />
          </div>
        </Card>
      )}
      <GoHistory decisions={decisions} zone={zone} />
    </div>
  );
}
