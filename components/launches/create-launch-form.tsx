"use client";
import { TimeZoneOptions } from "@/components/ui/time-zone-options";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { createLaunchAction } from "@/app/(app)/launches/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";

/** scope: "Built-in", "Published" or "Your team's" (lib/checklist/templates/visibility.ts). */
export type TemplateOption = { id: string; name: string; description: string; itemCount: number; scope?: string };

export function CreateLaunchForm({ timeZones, templates = [] }: { timeZones: string[]; templates?: TemplateOption[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();
  const zoneRef = useRef<HTMLSelectElement>(null);

  // The browser's zone is the likeliest launch zone; the server cannot know it.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zoneRef.current && timeZones.includes(zone)) zoneRef.current.value = zone;
  }, [timeZones]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      system: String(form.get("system") ?? ""),
      description: String(form.get("description") ?? ""),
      timeZone: String(form.get("timeZone") ?? ""),
      templateId: String(form.get("templateId") ?? ""),
    };
    startTransition(async () => {
      const result = await createLaunchAction(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.error);
        return;
      }
      toast.success("Launch created");
      router.push(`/launches/${result.data.id}`);
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5">
      <Field id="name" label="Launch name" errors={errors.name} hint="For example “Payments platform cutover”.">
        <Input {...fieldAria("name", errors.name)} name="name" required maxLength={120} autoFocus />
      </Field>
      <Field id="system" label="System going live" errors={errors.system}>
        <Input {...fieldAria("system", errors.system)} name="system" required maxLength={120} />
      </Field>
      <Field id="description" label="Description" errors={errors.description} hint="Scope, rollback plan, links. Optional.">
        <Textarea {...fieldAria("description", errors.description)} name="description" rows={3} maxLength={4000} />
      </Field>
      <Field id="timeZone" label="Time zone" errors={errors.timeZone} hint="Windows and due dates are planned in this zone; everyone also sees their own.">
        <Select {...fieldAria("timeZone", errors.timeZone)} ref={zoneRef} name="timeZone" defaultValue="UTC">
          <TimeZoneOptions zones={timeZones} />
        </Select>
      </Field>
      {templates.length > 0 && (
        <Field id="templateId" label="Start from a template" errors={errors.templateId} hint="Copies its sections, checks and sign-off groups. You can change everything afterwards.">
          <Select {...fieldAria("templateId", errors.templateId)} name="templateId" defaultValue="">
            <option value="">Empty checklist</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.itemCount} checks){t.scope && t.scope !== "Built-in" ? ` · ${t.scope}` : ""}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="flex justify-end gap-2 pt-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create launch"}
        </Button>
      </div>
    </form>
  );
}
