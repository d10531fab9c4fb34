import { ActivityList } from "@/components/launches/activity-list";
import { ReadinessHero } from "@/components/readiness/readiness-hero";
import { ChecklistGates } from "@/components/signoff/gates/checklist-gates";
import { SignoffGates } from "@/components/signoff/gates/signoff-gates";
import { WindowGate } from "@/components/signoff/gates/window-gate";
import { GoDecisionForm } from "@/components/signoff/go-decision-form";
import { GoHistory, OverrideCallout } from "@/components/signoff/go-history";
import { LifecycleButtons } from "@/components/signoff/lifecycle-buttons";
import { PrintButton } from "@/components/signoff/print-button";
import { TimeStamp } from "@/components/time-stamp";
import { Card, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/domain/roles";
import { loadLaunchPage } from "@/lib/launches/page-data";
import { loadReadiness } from "@/lib/readiness/load";
import { changesSinceLastSignoff, listGoDecisions } from "@/lib/signoff/go-queries";
import { canTransition, STATE_INFO, type LaunchState } from "@/lib/signoff/lifecycle";
import { listSignoffGroups } from "@/lib/signoff/queries";
import { formatInZone } from "@/lib/time/format";

export const metadata = { title: "Go/no-go" };

// Built for the meeting: the state, every gate with its evidence, what changed since people signed,
// the decision and its history. Prints as a record of the meeting (forms and navigation hidden).
export default async function GoNoGoPage({ params }: { params: Promise<{ launchId: string }> }) {
  const { actor, launch } = await loadLaunchPage(params);
  const loaded = await loadReadiness(launch.id);
  const [groups, decisions, changes] = await Promise.all([
    listSignoffGroups(launch.id, loaded.dto),
    listGoDecisions(launch.id),
    changesSinceLastSignoff(launch.id),
  ]);
  const status = launch.status as LaunchState;
  const zone = launch.timeZone;
  const latest = decisions[0];
  const canDecide = can(actor, { role: launch.role }, "go.decide");
  const canMove = can(actor, { role: launch.role }, "launch.lifecycle");

  return (
    <div className="space-y-5 print:space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">Go/no-go</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Launch status: <strong>{STATE_INFO[status].label}</strong>. Times in {zone}.
            <span className="hidden print:inline"> Printed {formatInZone(loaded.now, zone)}.</span>
          </p>
        </div>
        <PrintButton />
      </div>
      {latest?.overrideReason && <OverrideCallout decision={latest} zone={zone} />}
      <ReadinessHero readiness={loaded.dto} />
      <div className="grid items-start gap-4 lg:grid-cols-2 print:block print:space-y-3">
        <ChecklistGates items={loaded.items} sections={loaded.sections} />
        <div className="space-y-4 print:space-y-3">
          <SignoffGates groups={groups} zone={zone} />
          <WindowGate window={loaded.window} freezeHits={loaded.freezeHits} zone={zone} />
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
          launchId={launch.id}
          state={loaded.dto.state}
          reasonCount={loaded.dto.reasons.length}
          canGo={canTransition(status, "GO")}
          canNoGo={canTransition(status, "NO_GO")}
          status={status}
          statusLabel={STATE_INFO[status].label}
        />
      )}
      {canMove && (
        <Card aria-labelledby="lifecycle" className="no-print">
          <CardHeader id="lifecycle" title="Lifecycle" description={`Now “${STATE_INFO[status].label}”. Each move is recorded in the activity.`} />
          <div className="p-4">
            <LifecycleButtons launchId={launch.id} status={status} />
          </div>
        </Card>
      )}
      <GoHistory decisions={decisions} zone={zone} />
    </div>
  );
}
