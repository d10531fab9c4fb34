"use client";
import { useId, useState } from "react";
import { createRunbookAction, importRunbookCsvAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { RUNBOOK_CSV_COLUMNS } from "@/lib/runbook/csv";

/** Paste or choose a CSV file: all or nothing, every bad row named. `createFirst`: there is no runbook yet,
 *  so a blank one is made first (a refused file then leaves it empty, ready for another try on the Plan view). */
export function CsvImport({ launchId, createFirst }: { launchId: string; createFirst: boolean }) {
  const { run, pending, errors } = useAction();
  const [csv, setCsv] = useState("");
  const id = useId();
  const messages = Object.entries(errors).flatMap(([k, v]) => (v ?? []).map((m) => (k === "_form" || k === "csv" ? m : `${k}: ${m}`)));
  return (
    <form
      className="space-y-2"
      aria-label="Import a runbook from CSV"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (!csv.trim()) return;
        run(
          async () => {
            if (createFirst) {
              const created = await createRunbookAction({ launchId, templateKey: "blank" });
              if (!created.ok) return created;
            }
            return importRunbookCsvAction({ launchId, csv });
          },
          { success: "Runbook imported.", showsFieldErrors: !createFirst },
        );
      }}
    >
      <label htmlFor={id} className="block text-sm text-zinc-600 dark:text-zinc-400">
        Columns: {RUNBOOK_CSV_COLUMNS.join(", ")}. Paste the file or choose it.
      </label>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file"
        className="block w-full text-sm file:mr-2 file:rounded-md file:border-0 file:bg-zinc-100 file:px-2.5 file:py-1.5 file:text-sm dark:file:bg-zinc-800"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) setCsv(await file.text());
        }}
      />
      <Textarea id={id} value={csv} onChange={(e) => setCsv(e.target.value)} rows={4} className="font-mono text-xs" aria-invalid={messages.length ? true : undefined} />
      {messages.length > 0 && (
        <ul role="alert" className="max-h-40 space-y-0.5 overflow-y-auto text-xs text-red-700 dark:text-red-300">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <Button type="submit" variant="secondary" disabled={pending || !csv.trim()}>
        {pending ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}
