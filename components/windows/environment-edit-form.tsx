"use client";
import { useState } from "react";
import { toast } from "sonner";
import { updateEnvironmentAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { EnvironmentDto } from "@/lib/windows/dto";

/** Renames or redescribes `environment`, against the version the admin opened it at. */
export function EnvironmentEditForm({ environment, onDone }: { environment: EnvironmentDto; onDone: (saved: boolean) => void }) {
  const { run, pending, errors } = useAction();
  // The version the admin started from; after a conflict, the one they have now been shown.
  const [version, setVersion] = useState(environment.version);
  const [conflict, setConflict] = useState<string | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { environmentId: environment.id, version, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") };
    run(() => updateEnvironmentAction(input), {
      showsFieldErrors: true,
      refresh: true,
      onSuccess: (data) => {
        if (!data.unchanged) toast.success(`Saved ${data.name}`);
        onDone(!data.unchanged);
      },
      onError: (failure) => {
        if (failure.code !== "CONFLICT") return false;
        const current = failure.current as { version?: number } | undefined;
        // A stale version shows what it is now; a name already taken only says so.
        if (typeof current?.version === "number") setVersion(current.version);
        setConflict(typeof current?.version === "number" ? `${failure.error} Saving again replaces their version with yours.` : failure.error);
        return true;
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={`Edit the environment ${environment.name}`}>
      {conflict && (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
          {conflict}
        </div>
      )}
      <Field id="edit-env-name" label="Name" errors={errors.name} hint="Lowercase letters, digits and dashes. Windows and freezes on it follow the new name.">
        <Input {...fieldAria("edit-env-name", errors.name)} name="name" required defaultValue={environment.name} autoFocus />
      </Field>
      <Field id="edit-env-description" label="Description" errors={errors.description}>
        <Input {...fieldAria("edit-env-description", errors.description)} name="description" defaultValue={environment.description} />
      </Field>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {pending ? "Saving…" : "Save environment"}
        </Button>
      </div>
    </form>
  );
}
