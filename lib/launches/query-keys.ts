// TanStack Query keys of a launch. Everything under ["launch", id] belongs to that launch. Each key is
// one cache entry the server prefetches, a GET route refetches and the live patcher (lib/live/patch.ts)
// updates in place from the DTOs a batch carries: keep the shapes in lib/launches/view-types.ts.
export const launchKeys = {
  all: (launchId: string) => ["launch", launchId] as const,
  meta: (launchId: string) => ["launch", launchId, "meta"] as const,
  readiness: (launchId: string) => ["launch", launchId, "readiness"] as const,
  activity: (launchId: string) => ["launch", launchId, "activity"] as const,
  checklist: (launchId: string) => ["launch", launchId, "checklist"] as const,
  item: (launchId: string, itemId: string) => ["launch", launchId, "checklist", "item", itemId] as const,
  signoffs: (launchId: string) => ["launch", launchId, "signoffs"] as const,
  windows: (launchId: string) => ["launch", launchId, "windows"] as const,
  members: (launchId: string) => ["launch", launchId, "members"] as const,
  go: (launchId: string) => ["launch", launchId, "go"] as const,
  changes: (launchId: string) => ["launch", launchId, "changes"] as const,
  overview: (launchId: string) => ["launch", launchId, "overview"] as const,
  statusUpdates: (launchId: string) => ["launch", launchId, "statusUpdates"] as const,
  hypercare: (launchId: string) => ["launch", launchId, "hypercare"] as const,
  runbook: (launchId: string) => ["launch", launchId, "runbook"] as const,
};

/** The parts of a launch a browser can read with GET /api/launches/:id/view/:part. */
export const VIEW_PARTS = ["meta", "readiness", "activity", "checklist", "item", "signoffs", "windows", "members", "go", "changes", "overview", "statusUpdates", "hypercare", "runbook"] as const;
export type ViewPart = (typeof VIEW_PARTS)[number];
