"use client";
import { FileUp, LayoutTemplate, ListPlus, Route } from "lucide-react";
import { createRunbookAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { RunbookDto, RunbookTemplateKey } from "@/lib/runbook/dto";
import { runbookTemplateList } from "@/lib/runbook/templates";
import { CsvImport } from "./csv-import";
import { useRunbookRights } from "./rights";

/** No runbook yet: what it is for, and the three ways a manager starts one. */
export function RunbookEmpty({ dto }: { dto: RunbookDto }) {
  const rights = useRunbookRights();
  const { run, pending } = useAction();
  const templates = runbookTemplateList();
  const create = (templateKey?: RunbookTemplateKey) =>
    run(() => createRunbookAction({ launchId: rights.launchId, templateKey: templateKey ?? "blank" }), { success: templateKey ? "Runbook created from the template." : "Runbook created." });
  return (
    <Card>
      <EmptyState icon={<Route className="size-8" />} title="No runbook yet">
        A runbook times the tasks your team runs inside the window, in parallel streams, with a live forecast against the window end and the point of no
        return.
        {!rights.canEdit && " A manager of this launch creates it."}
        {!dto.window && " Schedule a window too: the runbook is timed from its start."}
      </EmptyState>
      {rights.canEdit && (
        <div className="grid gap-4 border-t border-zinc-200 p-4 dark:border-zinc-800 md:grid-cols-3" data-saving={pending || undefined}>
          <section aria-labelledby="by-hand" className="space-y-2">
            <h2 id="by-hand" className="flex items-center gap-2 text-sm font-semibold">
              <ListPlus className="size-4" aria-hidden /> By hand
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">An empty runbook: add streams, tasks and dependencies on the Plan view.</p>
            <Button onClick={() => create()} disabled={pending}>
              Create an empty runbook
            </Button>
          </section>
          <section aria-labelledby="from-template" className="space-y-2">
            <h2 id="from-template" className="flex items-center gap-2 text-sm font-semibold">
              <LayoutTemplate className="size-4" aria-hidden /> From a template
            </h2>
            <ul className="space-y-2">
              {templates.map((t) => (
                <li key={t.key} className="rounded-md p-3 ring-1 ring-inset ring-zinc-200 dark:ring-zinc-800">
                  <div className="text-sm font-medium">{t.name}</div>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {t.description} {t.tasks} tasks.
                  </p>
                  <Button size="sm" variant="secondary" className="mt-2" onClick={() => create(t.key as RunbookTemplateKey)} disabled={pending} aria-label={`Use the template ${t.name}`}>
                    Use this template
                  </Button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="from-csv" className="space-y-2">
            <h2 id="from-csv" className="flex items-center gap-2 text-sm font-semibold">
              <FileUp className="size-4" aria-hidden /> Import CSV
            </h2>
            <CsvImport launchId={rights.launchId} createFirst />
          </section>
        </div>
      )}
    </Card>
  );
}
