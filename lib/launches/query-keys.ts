// TanStack Query keys of a launch. Everything under ["launch", id] belongs to that launch, so one
// invalidation can refresh it all; live events update the narrower keys directly.
export const launchKeys = {
  all: (launchId: string) => ["launch", launchId] as const,
  readiness: (launchId: string) => ["launch", launchId, "readiness"] as const,
  activity: (launchId: string) => ["launch", launchId, "activity"] as const,
  checklist: (launchId: string) => ["launch", launchId, "checklist"] as const,
};
