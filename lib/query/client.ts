import { QueryClient, isServer } from "@tanstack/react-query";
import { fromWire } from "./wire";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Above 0 so data prefetched on the server is not refetched the moment it hydrates.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false },
      // Server pages send each prefetched query as one JSON string (./wire.ts).
      hydrate: { deserializeData: fromWire },
    },
  });
}

let browserClient: QueryClient | undefined;

/** New per server request; one for the whole browser session. */
export function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
