"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";
import { IMPACTS, IMPACT_LABEL, STATE_LABEL, UPDATE_STATES, splitComponents, type Impact, type UpdateState } from "@/lib/status-updates/schema";

export type UpdateFields = { title: string; message: string; impact: Impact; state: UpdateState; components: string[] };

/** The post and edit form of a status update (one form, two uses). */
export function UpdateForm({
  initial,
  submitLabel,
  pending,
  errors,
  onSubmit,
  onCancel,
}: {
  initial?: UpdateFields;
  submitLabel: string;
  pending: boolean;
  errors: FieldErrors;
  onSubmit: (fields: UpdateFields) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [message, setMessage] = useState(initial?.message ?? "");
  const [impact, setImpact] = useState<Impact>(initial?.impact ?? "NONE");
  const [state, setState] = useState<UpdateState>(initial?.state ?? "IN_PROGRESS");
  const [components, setComponents] = useState((initial?.components ?? []).join(", "));
  return (
    <form
      className="space-y-3"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ title, message, impact, state, components: splitComponents(components) });
      }}
    >
      <Field id={`${id}-title`} label="Title" errors={errors.title}>
        <Input {...fieldAria(`${id}-title`, errors.title)} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={140} required placeholder="Cutover started" />
      </Field>
      <Field id={`${id}-message`} label="Message" hint="What people outside the team need to know. Shown on share links." errors={errors.message}>
        <Textarea {...fieldAria(`${id}-message`, errors.message)} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={4000} rows={3} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-state`} label="State" errors={errors.state}>
          <Select {...fieldAria(`${id}-state`, errors.state)} value={state} onChange={(e) => setState(e.target.value as UpdateState)}>
            <optgroup label="The launch">
              {UPDATE_STATES.slice(0, 3).map((s) => <option key={s} value={s}>{STATE_LABEL[s]}</option>)}
            </optgroup>
            <optgroup label="An incident">
              {UPDATE_STATES.slice(3).map((s) => <option key={s} value={s}>{STATE_LABEL[s]}</option>)}
            </optgroup>
          </Select>
        </Field>
        <Field id={`${id}-impact`} label="Impact" errors={errors.impact}>
          <Select {...fieldAria(`${id}-impact`, errors.impact)} value={impact} onChange={(e) => setImpact(e.target.value as Impact)}>
            {IMPACTS.map((i) => <option key={i} value={i}>{IMPACT_LABEL[i]}</option>)}
          </Select>
        </Field>
      </div>
      <Field id={`${id}-components`} label="Affected components" hint="Comma-separated, e.g. Checkout API, Mobile app" errors={errors.components ?? errors["components.0"]}>
        <Input {...fieldAria(`${id}-components`, errors.components)} value={components} onChange={(e) => setComponents(e.target.value)} maxLength={700} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
        {onCancel && <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>Cancel</Button>}
      </div>
    </form>
  );
}
