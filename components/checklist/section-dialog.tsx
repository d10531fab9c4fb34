"use client";
import { useState } from "react";
import { createSectionAction, renameSectionAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { SectionDTO } from "@/lib/checklist/dto";
import type { SectionConflict } from "@/lib/checklist/section-commands";
import { Sheet } from "./sheet";

/** Add a section, or rename `section`. */
export function SectionDialog({ launchId, open, section, onDone }: { launchId: string; open: boolean; section: SectionDTO | null; onDone: (changed: boolean) => void }) {
  return (
    <Sheet open={open} onOpenChange={(o) => !o && onDone(false)} title={section ? "Rename section" : "Add a section"}>
      {/* Keyed by the section: a dialog opened again starts from what is current. */}
      <SectionForm key={section?.id ?? "new"} launchId={launchId} section={section} onDone={onDone} />
    </Sheet>
  );
}

function SectionForm({ launchId, section, onDone }: { launchId: string; section: SectionDTO | null; onDone: (changed: boolean) => void }) {
  const { run, pending, errors } = useAction();
  // The version the user started from; after a conflict, the one they have now been shown.
  const [version, setVersion] = useState(section?.version ?? 1);
  const [conflict, setConflict] = useState<SectionConflict | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    run(() => (section ? renameSectionAction({ launchId, sectionId: section.id, version, title }) : createSectionAction({ launchId, title })), {
      success: section ? "Section renamed" : `Added the section “${title.trim()}”`,
      showsFieldErrors: true,
      onSuccess: () => onDone(true),
      onError: (failure) => {
        if (failure.code !== "CONFLICT" || !failure.current) return false;
        const current = failure.current as SectionConflict;
        setConflict(current);
        setVersion(current.version);
        return true;
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {conflict && (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
          <p className="font-medium">{conflict.updatedByName ?? "Someone"} renamed this section while you were editing it.</p>
          <p className="mt-1">
            It is now called <strong>“{conflict.title}”</strong>. Your title is kept below and was not saved: rename again to replace theirs, or cancel to keep it.
          </p>
        </div>
      )}
      <Field id="section-title" label="Section title" errors={errors.title} hint="For example “Security testing” or “Post-go-live monitoring”.">
        <Input {...fieldAria("section-title", errors.title)} name="title" defaultValue={section?.title} required maxLength={200} autoFocus />
      </Field>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : section ? "Rename" : "Add section"}</Button>
      </div>
    </form>
  );
}
