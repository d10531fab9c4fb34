"use client";
import { useState } from "react";
import { toast } from "sonner";
import { createItemAction, editItemAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { formatRelativeDue } from "@/lib/checklist/due";
import type { ChecklistDTO, ItemDTO } from "@/lib/checklist/dto";
import type { FieldErrors } from "@/lib/domain/errors";

function dueText(item: ItemDTO | undefined, timeZone: string) {
  if (!item) return "";
  if (item.dueOffsetMinutes !== null) return formatRelativeDue(item.dueOffsetMinutes);
  if (!item.dueAt) return "";
  // datetime-local in the launch's zone, which the server reads back in that zone.
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(item.dueAt));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Add or edit an item's structure (managers): title, description, section, due, gate flags. */
export function ItemEditForm({ checklist, item, sectionId, onDone }: { checklist: ChecklistDTO; item?: ItemDTO; sectionId?: string; onDone: (saved?: ItemDTO) => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      title: String(form.get("title") ?? ""),
      description: String(form.get("description") ?? ""),
      due: String(form.get("due") ?? "").trim(),
      required: form.get("required") === "on",
      requiresEvidence: form.get("requiresEvidence") === "on",
    };
    setPending(true);
    const result = item
      ? await editItemAction({ launchId: checklist.launchId, itemId: item.id, version: item.version, ...fields })
      : await createItemAction({ launchId: checklist.launchId, sectionId: String(form.get("sectionId")), ownerId: String(form.get("ownerId") ?? "") || null, ...fields });
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      toast.error(result.error);
      return;
    }
    toast.success(item ? "Item saved" : `Added “${result.data.title}”`);
    onDone(result.data);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <Field id="item-title" label="Title" errors={errors.title}>
        <Input {...fieldAria("item-title", errors.title)} name="title" defaultValue={item?.title} required maxLength={200} autoFocus />
      </Field>
      <Field id="item-description" label="Description" errors={errors.description}>
        <Textarea {...fieldAria("item-description", errors.description)} name="description" defaultValue={item?.description} rows={3} maxLength={4000} />
      </Field>
      {!item && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="item-section" label="Section">
            <Select id="item-section" name="sectionId" defaultValue={sectionId}>
              {checklist.sections.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
            </Select>
          </Field>
          <Field id="item-owner" label="Owner" errors={errors.ownerId}>
            <Select {...fieldAria("item-owner", errors.ownerId)} name="ownerId" defaultValue="">
              <option value="">Unassigned</option>
              {checklist.members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
            </Select>
          </Field>
        </div>
      )}
      <Field id="item-due" label="Due" errors={errors.due} hint={`Relative to the window (T-2d, T-4h, T+30m) or a time like 2026-06-01T09:00, read in ${checklist.timeZone}. Blank for none.`}>
        <Input {...fieldAria("item-due", errors.due)} name="due" defaultValue={dueText(item, checklist.timeZone)} placeholder="T-2d" className="font-mono" />
      </Field>
      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="required" defaultChecked={item?.required ?? true} className="size-4 accent-accent-600" /> Required (gates go-live)
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="requiresEvidence" defaultChecked={item?.requiresEvidence ?? false} className="size-4 accent-accent-600" /> Needs evidence to be done
        </label>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => onDone()}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : item ? "Save" : "Add item"}</Button>
      </div>
    </form>
  );
}
