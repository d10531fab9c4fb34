import { queryOptions } from "@tanstack/react-query";
import { getChecklistAction, getItemDetailAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { checklistKeys } from "@/lib/checklist/query-keys";

// Shared by the server prefetch (page.tsx, which swaps in a direct loader) and the client hooks.

export class ActionFailure extends Error {
  constructor(message: string, readonly code: string, readonly current?: unknown, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
  }
}

export function checklistQueryOptions(launchId: string) {
  return queryOptions({
    queryKey: checklistKeys.list(launchId),
    queryFn: async () => {
      const result = await getChecklistAction({ launchId });
      if (!result.ok) throw new ActionFailure(result.error, result.code);
      return result.data;
    },
  });
}

export function itemDetailQueryOptions(launchId: string, itemId: string) {
  return queryOptions({
    queryKey: checklistKeys.item(launchId, itemId),
    queryFn: async () => {
      const result = await getItemDetailAction({ launchId, itemId });
      if (!result.ok) throw new ActionFailure(result.error, result.code);
      return result.data;
    },
  });
}
