import type { QueryClient } from "@tanstack/react-query";
import { launchKeys } from "@/lib/launches/query-keys";
import type { ReadinessDTO } from "@/lib/readiness/dto";

/** An action's answer carries the launch's fresh readiness: show it at once, before the stream echoes it. */
export function applyReadiness(queryClient: QueryClient, launchId: string, result: { ok: boolean; readiness?: ReadinessDTO }) {
  if (result.ok && result.readiness) queryClient.setQueryData(launchKeys.readiness(launchId), result.readiness);
}
