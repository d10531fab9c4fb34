"use client";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import {
  assignItemAction,
  bulkAssignAction,
  bulkStatusAction,
  changeItemStatusAction,
  updateEvidenceAction,
} from "@/app/(app)/launches/[launchId]/checklist/actions";
import { moveItemAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import type { ActionResult } from "@/lib/actions/action";
import type { BulkResult, ChecklistDTO, ItemDTO } from "@/lib/checklist/dto";
import { checklistKeys } from "@/lib/checklist/query-keys";
import { reorder } from "@/lib/checklist/reorder";
import type { ItemStatus } from "@/lib/checklist/types";
import { formatRelative } from "@/lib/time/format";
import { useMarkOwnEvents } from "@/components/live/live-context";
import { whilePending } from "./pending-store";
import { STATUS_LABEL } from "./status-meta";

// Optimistic writes to the cached checklist: patch the item at once (the row says "Saving…" until the
// server answers), call the server action, then take the server's item (new version) or roll back. A
// conflict replaces the item with the winner's state and says who changed it, when, and to what. Other
// tabs, and this one's other views, learn of the change from the live stream: nothing is refetched.

export type Outcome = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function conflictMessage(current: ItemDTO, now = new Date()) {
  const who = current.updatedByName ?? "Someone";
  const when = formatRelative(new Date(current.updatedAt), now);
  return `${who} set “${current.title}” to ${STATUS_LABEL[current.status]} ${when === "now" ? "just now" : when}. Your change was not saved; check it and try again.`;
}

export function useChecklistMutations(launchId: string) {
  const queryClient = useQueryClient();
  const markOwn = useMarkOwnEvents();
  const key = checklistKeys.list(launchId);

  const read = () => queryClient.getQueryData<ChecklistDTO>(key);
  const write = (update: (c: ChecklistDTO) => ChecklistDTO) => queryClient.setQueryData<ChecklistDTO>(key, (old) => (old ? update(old) : old));
  const replaceItems = (changed: Map<string, ItemDTO | ((i: ItemDTO) => ItemDTO)>) =>
    write((c) => ({
      ...c,
      items: c.items.map((i) => {
        const next = changed.get(i.id);
        return next === undefined ? i : typeof next === "function" ? next(i) : next;
      }),
    }));

  // Marked as saving before the optimistic patch shows, so the row never looks saved while it is not.
  const optimistic = (item: ItemDTO, patch: Partial<ItemDTO>, call: () => Promise<ActionResult<ItemDTO>>): Promise<Outcome> =>
    whilePending([item.id], () => optimisticWrite(item, patch, call));

  async function optimisticWrite(item: ItemDTO, patch: Partial<ItemDTO>, call: () => Promise<ActionResult<ItemDTO>>): Promise<Outcome> {
    await queryClient.cancelQueries({ queryKey: key });
    replaceItems(new Map([[item.id, (i: ItemDTO) => ({ ...i, ...patch })]]));
    const result = await call().catch(() => ({ ok: false as const, code: "NETWORK", error: "The server could not be reached. Nothing was saved; try again." }));
    if (result.ok) {
      markOwn(result.eventIds);
      replaceItems(new Map([[item.id, result.data]]));
      return { ok: true };
    }
    if (result.code === "CONFLICT" && "current" in result && result.current) {
      const current = result.current as ItemDTO;
      replaceItems(new Map([[item.id, current]]));
      toast.error(conflictMessage(current), { id: `conflict-${item.id}` });
    } else {
      replaceItems(new Map([[item.id, item]]));
      toast.error(result.error, { id: `error-${item.id}` });
    }
    return { ok: false, error: result.error, fieldErrors: "fieldErrors" in result ? result.fieldErrors : undefined };
  }

  async function bulk(itemIds: string[], run: () => Promise<ActionResult<BulkResult>>, verb: string): Promise<Outcome> {
    const result = await whilePending(itemIds, () =>
      run().catch(() => ({ ok: false as const, code: "NETWORK", error: "The server could not be reached. Nothing was saved." })),
    );
    // The changed items arrive through the live stream, as for every other viewer.
    if (result.ok) markOwn(result.eventIds);
    if (!result.ok) {
      toast.error(result.error);
      return { ok: false, error: result.error };
    }
    const { updated, refused } = result.data;
    if (updated.length) toast.success(`${verb} ${updated.length} item${updated.length === 1 ? "" : "s"}`);
    if (refused.length) {
      toast.error(`${refused.length} item${refused.length === 1 ? " was" : "s were"} not changed`, {
        description: refused.slice(0, 5).map((r) => r.message).join(" ") + (refused.length > 5 ? ` …and ${refused.length - 5} more.` : ""),
        duration: 12_000,
      });
    }
    return { ok: true };
  }

  return {
    changeStatus: (item: ItemDTO, status: ItemStatus, reason?: string) =>
      optimistic(item, { status, statusReason: reason ?? null }, () => changeItemStatusAction({ launchId, itemId: item.id, version: item.version, status, reason })),
    updateEvidence: (item: ItemDTO, evidenceNote: string, evidenceLinks: string[]) =>
      optimistic(item, { evidenceNote, evidenceLinks }, () => updateEvidenceAction({ launchId, itemId: item.id, version: item.version, evidenceNote, evidenceLinks })),
    assign: (item: ItemDTO, ownerId: string | null) =>
      optimistic(item, { ownerId }, () => assignItemAction({ launchId, itemId: item.id, version: item.version, ownerId })),
    bulkStatus: (itemIds: string[], status: ItemStatus, reason?: string) => bulk(itemIds, () => bulkStatusAction({ launchId, itemIds, status, reason }), "Updated"),
    bulkAssign: (itemIds: string[], ownerId: string | null) => bulk(itemIds, () => bulkAssignAction({ launchId, itemIds, ownerId }), "Assigned"),
    /** Moves an item to `position` in `sectionId`, reordering the cache at once. */
    move: async (itemId: string, sectionId: string, position: number): Promise<Outcome> => {
      const before = read();
      if (!before) return { ok: false, error: "Not loaded" };
      await queryClient.cancelQueries({ queryKey: key });
      write((c) => reorder(c, itemId, sectionId, position));
      const result = await whilePending([itemId], () =>
        moveItemAction({ launchId, itemId, sectionId, position }).catch(() => ({ ok: false as const, code: "NETWORK", error: "The server could not be reached." })),
      );
      if (!result.ok) {
        queryClient.setQueryData(key, before);
        toast.error(result.error);
        return { ok: false, error: result.error };
      }
      markOwn(result.eventIds);
      return { ok: true };
    },
    refresh: () => queryClient.invalidateQueries({ queryKey: key }),
  };
}
