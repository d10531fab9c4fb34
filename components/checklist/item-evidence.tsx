"use client";
import { ExternalLink } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Textarea, fieldAria } from "@/components/ui/field";
import type { ItemDTO } from "@/lib/checklist/dto";
import { isSafeHttpUrl } from "@/lib/validation/text";
import type { Outcome } from "./use-checklist-mutations";

/** Evidence: a note and links (one per line). Editable by whoever may update the item. */
export function ItemEvidence({ item, canEdit, onSave }: { item: ItemDTO; canEdit: boolean; onSave: (note: string, links: string[]) => Promise<Outcome> }) {
  const [note, setNote] = useState(item.evidenceNote);
  const [links, setLinks] = useState(item.evidenceLinks.join("\n"));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const dirty = note !== item.evidenceNote || links !== item.evidenceLinks.join("\n");

  if (!canEdit) {
    if (!item.evidenceNote && item.evidenceLinks.length === 0) {
      return <p className="text-sm text-zinc-500 dark:text-zinc-400">{item.requiresEvidence ? "Evidence is required before this can be done; none yet." : "No evidence attached."}</p>;
    }
    return (
      <div className="space-y-2 text-sm">
        {item.evidenceNote && <p className="whitespace-pre-line">{item.evidenceNote}</p>}
        <EvidenceLinks links={item.evidenceLinks} />
      </div>
    );
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const list = links.split(/\s*\n\s*/).map((l) => l.trim()).filter(Boolean);
    const result = await onSave(note.trim(), list);
    setPending(false);
    setErrors(result.ok ? {} : (result.fieldErrors ?? { evidenceNote: [result.error] }));
  }

  const linkErrors = Object.entries(errors).filter(([k]) => k.startsWith("evidenceLinks")).flatMap(([, v]) => v);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {item.requiresEvidence && <p className="text-xs text-zinc-600 dark:text-zinc-400">This check needs a note or a link before it can be marked done.</p>}
      <Field id="evidence-note" label="Note" errors={errors.evidenceNote}>
        <Textarea {...fieldAria("evidence-note", errors.evidenceNote)} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={4000} placeholder="What proves it is done: results, numbers, who checked" />
      </Field>
      <Field id="evidence-links" label="Links (one per line)" errors={linkErrors.length ? linkErrors : undefined}>
        <Textarea {...fieldAria("evidence-links", linkErrors.length ? linkErrors : undefined)} value={links} onChange={(e) => setLinks(e.target.value)} rows={2} placeholder="https://ci.example.com/runs/123" className="font-mono text-xs" />
      </Field>
      <EvidenceLinks links={item.evidenceLinks} />
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={!dirty || pending}>{pending ? "Saving…" : "Save evidence"}</Button>
      </div>
    </form>
  );
}

function EvidenceLinks({ links }: { links: string[] }) {
  if (links.length === 0) return null;
  return (
    <ul className="space-y-1">
      {links.map((l) => (
        <li key={l}>
          <a href={isSafeHttpUrl(l) ? l : undefined} target="_blank" rel="noreferrer noopener" className="inline-flex max-w-full items-center gap-1 text-sm text-accent-700 hover:underline dark:text-accent-400">
            <ExternalLink className="size-3.5 shrink-0" aria-hidden />
            <span className="truncate">{l}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
