"use client";
import { Card, CardHeader } from "@/components/ui/card";
import { CsvImport } from "./csv-import";
import { PlanSettings } from "./plan-settings";
import { useRunbookRights } from "./rights";
import { RunbookEmpty } from "./runbook-empty";
import { StreamsEditor } from "./streams-editor";
import { TaskForm } from "./task-form";
import { TaskTable } from "./task-table";
import { useRunbook } from "./use-runbook";

/** The plan for editing: streams, tasks and their dependencies, rollback settings. */
export function PlanView() {
  const rights = useRunbookRights();
  const { dto, forecast } = useRunbook(rights.launchId);
  if (!dto || !forecast) return null;
  if (!dto.runbook) return <RunbookEmpty dto={dto} />;
  return (
    <div className="space-y-5">
      <TaskTable dto={dto} forecast={forecast} launchId={rights.launchId} editable={rights.canEdit} />
      {rights.canEdit && (
        <div className="grid gap-5 lg:grid-cols-2 lg:items-start">
          <Card aria-labelledby="add-task">
            <CardHeader id="add-task" title="Add a task" />
            <div className="p-4">
              {dto.streams.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Add a stream first: every task runs in one.</p> : <TaskForm dto={dto} launchId={rights.launchId} />}
            </div>
          </Card>
          <div className="space-y-5">
            {dto.tasks.length === 0 && (
              <Card aria-labelledby="import-csv">
                <CardHeader id="import-csv" title="Import from CSV" description="Into this empty runbook: streams are made from the stream column." />
                <div className="p-4">
                  <CsvImport launchId={rights.launchId} createFirst={false} />
                </div>
              </Card>
            )}
            <StreamsEditor dto={dto} launchId={rights.launchId} />
            <PlanSettings dto={dto} launchId={rights.launchId} />
          </div>
        </div>
      )}
    </div>
  );
}
