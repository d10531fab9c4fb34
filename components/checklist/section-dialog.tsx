"use client";
import { useState } from "react";
import { toast } from "sonner";
import { createSectionAction, renameSectionAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { SectionDTO } from "@/lib/checklist/dto";
import { Sheet } from "./sheet";

/** Add a section, or rename `section`. */
export function SectionDialog({ launchId, open, section, onDone }: { launchId: string; open: boolean; section: SectionDTO | null; onDone: (changed: boolean) => void }) {
  const [error, setError] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    setPending(true);
    const result = section ? await renameSectionAction({ launchId, sectionId: section.id, title }) : await createSectionAction({ launchId, title });
    setPending(false);
    if (!result.ok) {
      setError(result.fieldErrors?.title ?? [result.error]);
      return;
    }
    setError(undefined);
    toast.success(section ? "Section renamed" : `Added the section “${title.trim()}”`);
    onDone(true);
  }

  return (
    <Sheet open={open} onOpenChange={(o) => !o && onDone(false)} title={section ? "Rename section" : "Add a section"}>
      <form onSubmit={onSubmit} className="space-y-4">
        <Field id="section-title" label="Section title" errors={error} hint="For example “Security testing” or “Post-go-live monitoring”.">
          <Input {...fieldAria("section-title", error)} name="title" defaultValue={section?.title} required maxLength={200} autoFocus />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onDone(false)}>Cancel</Button>
          <Button type="submit" disabled={pending}>{section ? "Rename" : "Add section"}</Button>
        </div>
      </form>
    </Sheet>
  );
}
