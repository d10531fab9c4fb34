"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Hand } from "lucide-react";
import { useState } from "react";
import { setEngineersTakeAction } from "@/app/(app)/launches/[launchId]/members/team-rules-actions";
import { Card, CardHeader } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { launchQueries } from "@/lib/launches/view-queries";
import type { LaunchMetaDTO } from "@/lib/launches/view-types";

/** Team rules: whether engineers may "Take it" on unassigned checks. Managers switch it; everyone sees it. */
export function TeamRulesCard({ launchId, canManage }: { launchId: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const meta = useQuery(launchQueries.meta(launchId)).data;
  const { run, pending } = useAction();
  // While the change is in flight the box shows what was asked for (and "Saving…"); a refusal reverts it.
  const [requested, setRequested] = useState<boolean | null>(null);
  const allowed = pending && requested !== null ? requested : (meta?.engineersTake ?? true);

  function toggle(next: boolean) {
    setRequested(next);
    run(() => setEngineersTakeAction({ launchId, allowed: next }), {
      success: next ? "Engineers can take unassigned checks" : "“Take it” is off: managers assign unowned checks",
      onSuccess: ({ engineersTake }) =>
        queryClient.setQueryData<LaunchMetaDTO>(launchQueries.meta(launchId).queryKey, (old) => (old ? { ...old, engineersTake } : old)),
    });
  }

  const explanation = allowed
    ? "An engineer facing a check nobody owns can assign it to themselves with “Take it” and tick it."
    : "Engineers can’t take checks nobody owns; the checklist tells them to ask a manager, who assigns them.";
  return (
    <Card aria-labelledby="team-rules" data-testid="team-rules">
      <CardHeader id="team-rules" title="Team rules" />
      <div className="flex items-start gap-3 p-4" data-saving={pending || undefined} aria-busy={pending || undefined}>
        <Hand className="mt-0.5 size-4 shrink-0 text-zinc-500 dark:text-zinc-400" aria-hidden />
        <div className="min-w-0 flex-1 space-y-1">
          {canManage ? (
            <label className="flex items-center gap-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
              <input
                type="checkbox"
                className="size-4 accent-accent-600"
                checked={allowed}
                disabled={pending}
                aria-describedby="team-rules-take-help"
                onChange={(e) => toggle(e.target.checked)}
              />
              Engineers may take unassigned checks
              {pending && <span className="text-xs font-normal text-zinc-600 dark:text-zinc-400">Saving…</span>}
            </label>
          ) : (
            <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
              Engineers {allowed ? "may" : "may not"} take unassigned checks
            </p>
          )}
          <p id="team-rules-take-help" className="text-xs text-zinc-600 dark:text-zinc-400">
            {explanation}
            {!canManage && " Managers change this."}
          </p>
        </div>
      </div>
    </Card>
  );
}
