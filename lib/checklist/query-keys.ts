// TanStack Query keys for the checklist. The live stream (lib/live) invalidates `checklistKeys.list(id)`
// when an event for the launch arrives, so this shape is a contract: keep it stable.

export const checklistKeys = {
  launch: (launchId: string) => ["launch", launchId] as const,
  list: (launchId: string) => ["launch", launchId, "checklist"] as const,
  item: (launchId: string, itemId: string) => ["launch", launchId, "checklist", "item", itemId] as const,
};
