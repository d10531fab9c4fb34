"use client";
import { useState } from "react";
import { createItemAction, editItemAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { formatRelativeDue } from "@/lib/checklist/due";
import type { ChecklistDTO, ItemDTO } from "@/lib/checklist/dto";

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
  const { run, pending, errors } = useAction();
  // The version the user started editing from (not the live one, which moves under them when someone
  // else saves); after a conflict, the version they have now been shown.
  const [version, setVersion] = useState(item?.version ?? 1);
  const [conflict, setConflict] = useState<ItemDTO | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      title: String(form.get("title") ?? ""),
      description: String(form.get("description") ?? ""),
      due: String(form.get("due") ?? "").trim(),
      required: form.get("required") === "on",
      requiresEvidence: form.get("requiresEvidence") === "on",
    };
    run(
      () =>
        item
          ? editItemAction({ launchId: checklist.launchId, itemId: item.id, version, ...fields })
          : createItemAction({ launchId: checklist.launchId, sectionId: String(form.get("sectionId")), ownerId: String(form.get("ownerId") ?? "") || null, ...fields }),
      {
        success: item ? "Item saved" : `Added “${fields.title.trim()}”`,
        showsFieldErrors: true,
        onSuccess: (saved) => onDone(saved),
        onError: (failure) => {
          if (failure.code !== "CONFLICT" || !failure.current) return false;
          // Keep what the user typed; show what is saved now and who saved it.
          const current = failure.current as ItemDTO;
          setConflict(current);
          setVersion(current.version);
          return true;
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {conflict && <ConflictNotice current={conflict} timeZone={checklist.timeZone} />}
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
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : item ? (conflict ? "Save mine anyway" : "Save") : "Add item"}</Button>
      </div>
    </form>
  );
}

/** What the winner of an edit conflict saved, beside the loser's kept input. */
function ConflictNotice({ current, timeZone }: { current: ItemDTO; timeZone: string }) {
  const due = dueText(current, timeZone);
  return (
    <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
      <p className="font-medium">{current.updatedByName ?? "Someone"} saved this item while you were editing it. Your changes are kept below and were not saved.</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-medium">Title now</dt>
        <dd data-testid="conflict-title">{current.title}</dd>
        <dt className="font-medium">Description</dt>
        <dd className="whitespace-pre-wrap">{current.description || "none"}</dd>
        <dt className="font-medium">Due</dt>
        <dd>{due || "none"}</dd>
        <dt className="font-medium">Gates</dt>
        <dd>{current.required ? "required" : "optional"}{current.requiresEvidence ? ", needs evidence" : ""}</dd>
      </dl>
      <p className="mt-2">Save again to replace theirs with yours, or cancel to keep theirs.</p>
    </div>
  );
}

