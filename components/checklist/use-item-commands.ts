"use client";
import { useState } from "react";
import { toast } from "sonner";
import { deleteItemAction, deleteSectionAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import type { ChecklistDTO, ItemDTO, SectionDTO } from "@/lib/checklist/dto";
import { checkStatusChange } from "@/lib/checklist/transitions";
import type { ItemStatus } from "@/lib/checklist/types";
import { needsReason, type StatusPrompt } from "./status-dialog";
import { useChecklistMutations } from "./use-checklist-mutations";

/**
 * What the checklist's buttons and keys do. Status changes are checked with the same pure rules as the
 * server first, so a refusal (open predecessor, missing evidence) is explained before anything flickers.
 */
export function useItemCommands(checklist: ChecklistDTO, openItem: (id: string) => void) {
  const m = useChecklistMutations(checklist.launchId);
  const [prompt, setPrompt] = useState<StatusPrompt | null>(null);
  const latest = (id: string) => checklist.items.find((i) => i.id === id);

  function precheck(item: ItemDTO, status: ItemStatus, reason?: string) {
    const byId = new Map(checklist.items.map((i) => [i.id, i]));
    return checkStatusChange({
      item,
      to: status,
      reason,
      predecessors: item.predecessorIds.map((id) => byId.get(id)).filter((p): p is ItemDTO => !!p),
      actorIsManager: checklist.viewer.waive,
    });
  }

  function setStatus(item: ItemDTO, status: ItemStatus) {
    const fresh = latest(item.id) ?? item;
    if (needsReason(status)) {
      const check = precheck(fresh, status, "reason given");
      if (!check.ok) {
        toast.error(check.message);
        return;
      }
      setPrompt({ status, subject: fresh.title, submit: (reason) => m.changeStatus(latest(item.id) ?? fresh, status, reason) });
      return;
    }
    const check = precheck(fresh, status);
    if (!check.ok) {
      toast.error(check.message, { id: `refused-${fresh.id}` });
      if (check.code === "EVIDENCE_REQUIRED") openItem(fresh.id);
      return;
    }
    void m.changeStatus(fresh, status);
  }

  return {
    prompt,
    closePrompt: () => setPrompt(null),
    setStatus,
    tick: (item: ItemDTO) => setStatus(item, item.status === "DONE" ? "TODO" : "DONE"),
    assign: (item: ItemDTO, ownerId: string | null) => void m.assign(latest(item.id) ?? item, ownerId),
    evidence: (item: ItemDTO, note: string, links: string[]) => m.updateEvidence(latest(item.id) ?? item, note, links),
    move: (itemId: string, sectionId: string, position: number) => void m.move(itemId, sectionId, Math.max(0, position)),
    bulkStatus: (ids: string[], status: ItemStatus) => {
      if (needsReason(status)) {
        setPrompt({ status, subject: `${ids.length} selected items`, submit: (reason) => m.bulkStatus(ids, status, reason) });
        return Promise.resolve({ ok: true as const });
      }
      return m.bulkStatus(ids, status);
    },
    bulkAssign: m.bulkAssign,
    refresh: m.refresh,
    deleteItem: async (item: ItemDTO) => {
      if (!window.confirm(`Delete “${item.title}”? Its comments go with it; the activity log keeps a record.`)) return;
      const result = await deleteItemAction({ launchId: checklist.launchId, itemId: item.id });
      if (!result.ok) toast.error(result.error);
      else toast.success(`Deleted “${item.title}”`);
      await m.refresh();
    },
    deleteSection: async (section: SectionDTO, count: number) => {
      const what = count ? ` and its ${count} item${count === 1 ? "" : "s"}` : "";
      if (!window.confirm(`Delete the section “${section.title}”${what}?`)) return;
      const result = await deleteSectionAction({ launchId: checklist.launchId, sectionId: section.id });
      if (!result.ok) toast.error(result.error);
      else toast.success(`Deleted “${section.title}”`);
      await m.refresh();
    },
  };
}
