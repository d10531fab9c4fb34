"use client";
import { X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { setPredecessorsAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { Select } from "@/components/ui/field";
import type { ChecklistDTO, ItemDTO } from "@/lib/checklist/dto";
import { StatusBadge } from "./status-meta";

/** What must finish first. Managers add and remove; a cycle is refused with the cycle named here. */
export function ItemPredecessors({ item, checklist, onChanged }: { item: ItemDTO; checklist: ChecklistDTO; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const byId = new Map(checklist.items.map((i) => [i.id, i]));
  const current = item.predecessorIds.map((id) => byId.get(id)).filter((i): i is ItemDTO => !!i);
  const canEdit = checklist.viewer.structure;

  async function save(ids: string[]) {
    setPending(true);
    const result = await setPredecessorsAction({ launchId: checklist.launchId, itemId: item.id, predecessorIds: ids });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    toast.success("Predecessors saved");
    onChanged();
  }

  return (
    <div className="space-y-2">
      {current.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">None: this can be done any time.</p>
      ) : (
        <ul className="space-y-1.5" aria-label="Predecessors">
          {current.map((p) => (
            <li key={p.id} className="flex items-center gap-2 text-sm">
              <StatusBadge status={p.status} />
              <span className="min-w-0 flex-1 truncate">{p.title}</span>
              {canEdit && (
                <button type="button" disabled={pending} onClick={() => save(item.predecessorIds.filter((id) => id !== p.id))} className="rounded p-1 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-label={`Remove predecessor ${p.title}`}>
                  <X className="size-4" aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <label htmlFor="add-predecessor" className="sr-only">Add a predecessor</label>
          <Select id="add-predecessor" value="" disabled={pending} onChange={(e) => e.target.value && save([...item.predecessorIds, e.target.value])} className="text-sm">
            <option value="">Add a predecessor…</option>
            {checklist.sections.map((s) => (
              <optgroup key={s.id} label={s.title}>
                {checklist.items
                  .filter((i) => i.sectionId === s.id && i.id !== item.id && !item.predecessorIds.includes(i.id))
                  .map((i) => (
                    <option key={i.id} value={i.id}>{i.title}</option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">{error}</p>
      )}
    </div>
  );
}
