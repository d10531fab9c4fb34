"use client";
import { useState } from "react";
import { toast } from "sonner";
import { importChecklistAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Button } from "@/components/ui/button";
import { COLUMNS } from "@/lib/checklist/csv-columns";
import { FILE_TOO_LARGE, MAX_CSV_BYTES, MAX_CSV_ROWS } from "@/lib/checklist/csv-limits";
import { Sheet } from "./sheet";

/** CSV import: all or nothing. Problems are listed with the row numbers a spreadsheet shows. */
export function ImportDialog({ launchId, open, onDone }: { launchId: string; open: boolean; onDone: (imported: boolean) => void }) {
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setErrors(["Choose a CSV file first."]);
      return;
    }
    // Checked before uploading, so a big file is refused at once (the server checks again).
    if (file.size > MAX_CSV_BYTES) {
      setErrors([FILE_TOO_LARGE]);
      return;
    }
    setPending(true);
    const mode = form.get("mode") === "replace" ? "replace" : "append";
    const result = await importChecklistAction({ launchId, csv: await file.text(), mode });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors?.csv ?? [result.error]);
      return;
    }
    setErrors([]);
    toast.success(`Imported ${result.data.items} items${result.data.sections ? ` in ${result.data.sections} new sections` : ""}`);
    onDone(true);
  }

  return (
    <Sheet open={open} onOpenChange={(o) => !o && (setErrors([]), onDone(false))} title="Import a checklist from CSV" description={`One row per item, up to ${MAX_CSV_ROWS.toLocaleString("en")} rows and 2 MB. A file with any bad row is refused as a whole, and nothing is written.`}>
      <form onSubmit={onSubmit} className="space-y-4">
        <div>
          <label htmlFor="csv-file" className="block text-sm font-medium">CSV file</label>
          <input id="csv-file" name="file" type="file" accept=".csv,text/csv" className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium dark:file:bg-zinc-800" />
        </div>
        <fieldset className="space-y-1.5 text-sm">
          <legend className="font-medium">How to import</legend>
          <label className="flex items-start gap-2">
            <input type="radio" name="mode" value="append" defaultChecked className="mt-1 accent-accent-600" />
            <span><strong>Add</strong> to the checklist: rows join the section with the same title, or a new one.</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="mode" value="replace" className="mt-1 accent-accent-600" />
            <span><strong>Replace</strong> the checklist: every current section and item is deleted first.</span>
          </label>
        </fieldset>
        {errors.length > 0 && (
          <div role="alert" className="max-h-48 overflow-y-auto rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/60 dark:text-red-300">
            <p className="font-medium">Nothing was imported. Fix these and try again:</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5" aria-label="Import problems">
              {errors.map((e) => <li key={e}>{e}</li>)}
            </ul>
          </div>
        )}
        <details className="text-xs text-zinc-600 dark:text-zinc-400">
          <summary className="cursor-pointer font-medium">Columns</summary>
          <dl className="mt-2 space-y-1">
            {COLUMNS.map((c) => (
              <div key={c.name}>
                <dt className="inline font-mono font-medium text-zinc-800 dark:text-zinc-200">{c.name}</dt> <dd className="inline">{c.description}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" disabled={pending}>{pending ? "Importing…" : "Import"}</Button>
        </div>
      </form>
    </Sheet>
  );
}
