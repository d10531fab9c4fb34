"use client";
import { Card, CardHeader } from "@/components/ui/card";
import { ForecastSummary } from "./forecast-summary";
import { LateTasks } from "./late-tasks";
import { useRunbookRights } from "./rights";
import { RollbackDecision } from "./rollback-decision";
import { RunControls } from "./run-controls";
import { RunbookEmpty } from "./runbook-empty";
import { Timeline } from "./timeline";
import { useRunbook } from "./use-runbook";

/** The live run: forecast against the window, the lanes on a time axis, the late tasks. Recomputed every
 *  30 s and on every live patch from the cached runbook; nothing is refetched. */
export function RunView() {
  const rights = useRunbookRights();
  const { dto, forecast } = useRunbook(rights.launchId);
  if (!dto || !forecast) return null;
  if (!dto.runbook) return <RunbookEmpty dto={dto} />;
  return (
    <div className="space-y-5">
      <ForecastSummary dto={dto} forecast={forecast} />
      <Card aria-labelledby="run-timeline">
        <CardHeader id="run-timeline" title="Timeline" description={`${dto.tasks.length} tasks in ${dto.streams.length} streams · times in ${dto.timeZone}`} />
        <div className="p-4">
          {dto.tasks.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No tasks yet. Add them on the Plan view.</p>
          ) : !dto.window ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Schedule a window to time the runbook: its tasks are planned from the window start.</p>
          ) : forecast.plan === null ? (
            <p className="text-sm text-red-700 dark:text-red-300">The runbook&apos;s dependencies cannot be timed. Check them on the Plan view.</p>
          ) : (
            <Timeline dto={dto} forecast={forecast} />
          )}
        </div>
      </Card>
      <LateTasks dto={dto} forecast={forecast} />
      {rights.canRun && (
        <Card aria-labelledby="run-control" className="p-4">
          <h2 id="run-control" className="mb-2 text-sm font-semibold">Run control</h2>
          <RunControls dto={dto} />
        </Card>
      )}
      <RollbackDecision dto={dto} forecast={forecast} />
    </div>
  );
}
