import "server-only";
import { dehydrate, type DehydratedState } from "@tanstack/react-query";
import { cache } from "react";
import type { Actor } from "@/lib/domain/roles";
import { maxEventId } from "@/lib/live/events";
import { getQueryClient } from "@/lib/query/client";
import { toWire } from "@/lib/query/wire";
import type { ViewPart } from "./query-keys";
import { loadViewPart } from "./view";
import { launchQueries } from "./view-queries";

/**
 * The live stream's starting cursor, read once per request (React cache) and BEFORE any page data: every
 * event after it is replayed, so whatever commits between this read and the page's reads is applied
 * again (patches are idempotent), never lost.
 */
export const launchCursor = cache((launchId: string) => maxEventId(launchId));

type Part = Exclude<ViewPart, "item">;

/** Server pages: read `parts` with the GET route's loaders under the client's own keys, for HydrationBoundary. */
export async function prefetchLaunch(actor: Actor, launchId: string, parts: Part[]): Promise<DehydratedState> {
  await launchCursor(launchId);
  const queryClient = getQueryClient();
  await Promise.all(parts.map((p) => queryClient.prefetchQuery({ queryKey: launchQueries[p](launchId).queryKey, queryFn: () => loadViewPart(actor, launchId, p) })));
  return dehydrate(queryClient, { serializeData: toWire });
}
