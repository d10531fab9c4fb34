import "server-only";

// What every live batch carries besides its events: the launch's fresh readiness, computed once per
// batch per instance rather than once per browser. Registered by the readiness capability.
type Enricher = (launchId: string) => Promise<unknown>;
let enricher: Enricher | null = null;

export function setBatchEnricher(fn: Enricher) {
  enricher = fn;
}

export async function enrichBatch(launchId: string): Promise<unknown> {
  if (!enricher) return undefined;
  try {
    return await enricher(launchId);
  } catch (error) {
    console.error("[live] readiness for a batch failed", error);
    return undefined;
  }
}
