"use client";
import { useState } from "react";
import { toast } from "sonner";
import { saveTemplateAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";
import { Sheet } from "./sheet";

/** Save as template: the checklist's shape for future launches (no owners, statuses or evidence). */
export function SaveTemplateDialog({ launchId, launchName, open, onClose }: { launchId: string; launchName: string; open: boolean; onClose: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await saveTemplateAction({ launchId, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? { name: [result.error] });
      return;
    }
    toast.success(`Saved the template “${result.data.name}” (${result.data.items} checks)`);
    onClose();
  }

  return (
    <Sheet open={open} onOpenChange={(o) => !o && onClose()} title="Save as template" description="Sections, checks, gates, relative due dates, predecessors and sign-off groups. Owners, statuses, evidence and absolute dates stay with this launch.">
      <form onSubmit={onSubmit} className="space-y-4">
        <Field id="template-name" label="Template name" errors={errors.name}>
          <Input {...fieldAria("template-name", errors.name)} name="name" defaultValue={`${launchName} checklist`} required maxLength={120} autoFocus />
        </Field>
        <Field id="template-description" label="Description" errors={errors.description}>
          <Textarea {...fieldAria("template-description", errors.description)} name="description" rows={2} maxLength={4000} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" pending={pending}>Save template</Button>
        </div>
      </form>
    </Sheet>
  );
}
