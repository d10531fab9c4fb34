// How prefetched query data travels from a server page to the browser's cache. Every cached value is a DTO
// that already crosses the wire as JSON (GET routes, the live stream), so the server sends each query's data
// as one JSON string: React's RSC encoder then carries a single text chunk instead of walking and escaping
// every field of 500 checklist items or 1,000 runbook tasks, and the browser reads it with one JSON.parse.
// Marked, so data that is not ours (or was sent before this) hydrates as it is.

const WIRE = "__liftoffJson";
type Wire = { [WIRE]: string };

/** dehydrate's serializeData (lib/launches/prefetch.ts). */
export function toWire(data: unknown): Wire {
  return { [WIRE]: JSON.stringify(data) };
}

/** The browser QueryClient's hydrate.deserializeData (lib/query/client.ts). */
export function fromWire(data: unknown): unknown {
  return typeof data === "object" && data !== null && WIRE in data && typeof (data as Wire)[WIRE] === "string" ? JSON.parse((data as Wire)[WIRE]) : data;
}
