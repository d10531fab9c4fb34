"use client";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { ChecklistDTO } from "@/lib/checklist/dto";
import { ITEM_STATUSES, type ItemStatus } from "@/lib/checklist/types";
import { STATUS_LABEL } from "./status-meta";

/** Shown while items are selected: set their status or owner in one go; refusals are reported per item. */
export function BulkBar({
  checklist,
  count,
  onStatus,
  onAssign,
  onClear,
}: {
  checklist: ChecklistDTO;
  count: number;
  onStatus: (status: ItemStatus) => void;
  onAssign: (ownerId: string | null) => void;
  onClear: () => void;
}) {
  const canStatus = checklist.viewer.updateAny || checklist.viewer.updateOwn;
  return (
    <div role="region" aria-label="Bulk actions" className="sticky top-2 z-20 flex flex-wrap items-center gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
      <span className="font-medium">{count} selected</span>
      {canStatus && (
        <>
          <label htmlFor="bulk-status" className="sr-only">Set status of selected</label>
          <Select
            id="bulk-status"
            className="h-8 w-auto! py-1 text-sm"
            value=""
            onChange={(e) => e.target.value && onStatus(e.target.value as ItemStatus)}
          >
            <option value="">Set status…</option>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABEL[s]}</option>
            ))}
          </Select>
        </>
      )}
      {checklist.viewer.assign && (
        <>
          <label htmlFor="bulk-owner" className="sr-only">Assign selected to</label>
          <Select id="bulk-owner" className="h-8 w-auto! py-1 text-sm" value="" onChange={(e) => e.target.value && onAssign(e.target.value === "none" ? null : e.target.value)}>
            <option value="">Assign to…</option>
            <option value="none">Nobody</option>
            {checklist.members.map((m) => (
              <option key={m.userId} value={m.userId}>{m.name}</option>
            ))}
          </Select>
        </>
      )}
      <Button variant="ghost" size="sm" onClick={onClear} className="ml-auto text-inherit hover:bg-white/10 dark:hover:bg-zinc-900/10">
        <X className="size-4" aria-hidden /> Clear selection
      </Button>
    </div>
  );
}
