"use client";
import { Pencil, Plus, Server } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createEnvironmentAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Sheet } from "@/components/checklist/sheet";
import { Field, Input, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";
import type { EnvironmentDto } from "@/lib/windows/dto";
import { EnvironmentEditForm } from "./environment-edit-form";

/** The managed list of environments windows are scheduled on. */
export function EnvironmentAdmin({ environments }: { environments: EnvironmentDto[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [editing, setEditing] = useState<EnvironmentDto | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    startTransition(async () => {
      const result = await createEnvironmentAction({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return void toast.error(result.error);
      }
      setErrors({});
      formEl.reset();
      toast.success(`Added ${result.data.name}`);
      router.refresh();
    });
  }

  return (
    <Card aria-labelledby="environments-title">
      <CardHeader id="environments-title" title="Environments" description="Windows are scheduled on these; no two scheduled windows may overlap on one." />
      {environments.length === 0 ? (
        <EmptyState icon={<Server className="size-8" />} title="No environments yet">
          Add the first one below, such as production-eu.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Environments">
          {environments.map((e) => (
            <li key={e.id} className="flex items-center gap-3 px-4 py-2" data-testid="environment-row">
              <p className="min-w-0 flex-1 break-words">
                <span className="font-medium">{e.name}</span>
                {e.description && <span className="text-zinc-500 dark:text-zinc-400"> · {e.description}</span>}
              </p>
              <Button variant="ghost" size="sm" aria-label={`Edit environment ${e.name}`} onClick={() => setEditing(e)}>
                <Pencil className="size-4" aria-hidden /> Edit
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="grid gap-3 border-t border-zinc-200 p-4 dark:border-zinc-800 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <Field id="env-name" label="Name" errors={errors.name}>
          <Input {...fieldAria("env-name", errors.name)} name="name" required placeholder="production-eu" />
        </Field>
        <Field id="env-description" label="Description" errors={errors.description}>
          <Input {...fieldAria("env-description", errors.description)} name="description" placeholder="EU production (Frankfurt)" />
        </Field>
        <Button type="submit" disabled={pending}>
          <Plus className="size-4" aria-hidden /> Add environment
        </Button>
      </form>
      <Sheet open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} title="Edit environment">
        {/* Keyed by environment and version: opened again, the form starts from what is current. */}
        {editing && <EnvironmentEditForm key={`${editing.id}:${editing.version}`} environment={editing} onDone={() => setEditing(null)} />}
      </Sheet>
    </Card>
  );
}
