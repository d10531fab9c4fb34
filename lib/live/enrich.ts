import "server-only";
import { loadReadiness } from "@/lib/readiness/load";

/**
 * What every live batch carries besides its events: the launch's fresh readiness, computed once per
 * batch per instance (not once per browser), so 500 stakeholders cost one readiness load per change.
 */
export async function enrichBatch(launchId: string): Promise<unknown> {
  try {
    return (await loadReadiness(launchId)).dto;
  } catch (error) {
    console.error("[live] readiness for a batch failed", error);
    return undefined;
  }
}
