"use client";
import { useQueryClient } from "@tanstack/react-query";
import { Hand } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { takeItemAction } from "@/app/(app)/launches/[launchId]/checklist/take-actions";
import { applyReadiness } from "@/components/readiness/apply-readiness";
import { Button } from "@/components/ui/button";
import type { ChecklistDTO, ItemDTO } from "@/lib/checklist/dto";
import { checklistKeys } from "@/lib/checklist/query-keys";

/** "Take it": assigns an unassigned item to the viewer and puts the server's item in the cached checklist. */
export function TakeItButton({ launchId, item, className }: { launchId: string; item: ItemDTO; className?: string }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const put = (next: ItemDTO) =>
    queryClient.setQueryData<ChecklistDTO>(checklistKeys.list(launchId), (old) =>
      old ? { ...old, items: old.items.map((i) => (i.id === next.id ? next : i)) } : old,
    );
  async function take() {
    setPending(true);
    const result = await takeItemAction({ launchId, itemId: item.id, version: item.version }).catch(() => ({
      ok: false as const,
      code: "NETWORK",
      error: "The server could not be reached. Nothing was saved; try again.",
    }));
    setPending(false);
    if (result.ok) {
      applyReadiness(queryClient, launchId, result);
      put(result.data);
      toast.success(`“${item.title}” is yours now`);
      return;
    }
    if (result.code === "CONFLICT" && "current" in result && result.current) put(result.current as ItemDTO);
    toast.error(result.error, { id: `take-${item.id}` });
  }
  return (
    <Button variant="secondary" size="sm" className={className} disabled={pending} aria-busy={pending} onClick={() => void take()}>
      <Hand className="size-3.5" aria-hidden />
      {pending ? "Taking…" : "Take it"}
      <span className="sr-only">: assign “{item.title}” to me</span>
    </Button>
  );
}
