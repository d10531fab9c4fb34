import { launchQueries } from "@/lib/launches/view-queries";

// The checklist's queries are the launch's (lib/launches/view-queries.ts): GET reads, patched live.

export class ActionFailure extends Error {
  constructor(message: string, readonly code: string, readonly current?: unknown, readonly fieldErrors?: Record<string, string[]>) {
    super(message);
  }
}

export const checklistQueryOptions = launchQueries.checklist;
export const itemDetailQueryOptions = launchQueries.item;
