import "server-only";
import { parseEventCursor } from "@/lib/live/cursor";
import { listener } from "@/lib/live/listener";
import { createLaunchStream, type StreamOptions } from "@/lib/live/stream";
import { resolveShareToken, type ResolvedShare } from "./links";

/** Open streams of one share link on one instance (a whole war room may open it); more get 429. */
export const MAX_STREAMS_PER_LINK = Math.max(1, Number(process.env.LIFTOFF_MAX_STREAMS_PER_LINK) || 200);

export type ShareStreamAccess =
  | { ok: true; link: ResolvedShare; after: bigint }
  | { ok: false; status: 400 | 404 | 429; message: string };

const GONE = "This share link does not exist, was revoked or has expired.";

/** The token (no session), the link's stream cap and the cursor: shared by both SSE servers. */
export async function authorizeShareStream(headers: Headers, token: string, afterParam: string | null): Promise<ShareStreamAccess> {
  const link = await resolveShareToken(token);
  if (!link) return { ok: false, status: 404, message: GONE };
  if (listener().streamCountOf(shareViewerId(link.linkId)) >= MAX_STREAMS_PER_LINK) {
    return { ok: false, status: 429, message: "Too many open pages on this share link; close some." };
  }
  const fromParam = parseEventCursor(afterParam);
  const fromHeader = parseEventCursor(headers.get("last-event-id"));
  if (!fromHeader.ok) return { ok: false, status: 400, message: fromHeader.message };
  if (!fromParam.ok) return { ok: false, status: 400, message: fromParam.message };
  return { ok: true, link, after: headers.has("last-event-id") ? fromHeader.after : fromParam.after };
}

/** The listener counts streams by viewer id; a share link's viewers share one that no user id can equal. */
export const shareViewerId = (linkId: string) => `share:${linkId}`;

/** The launch's one feed machinery, in its share encoding, ending when the link is revoked or expires. */
export function shareFeedOptions(link: ResolvedShare, after: bigint, signal: AbortSignal): StreamOptions {
  return {
    launchId: link.launchId,
    userId: shareViewerId(link.linkId),
    isAdmin: false,
    after,
    signal,
    share: { linkId: link.linkId, showNames: link.showNames, expiresAt: link.expiresAt },
  };
}

/** The share feed as a web stream (the route handler's Response body). */
export function createShareStream(link: ResolvedShare, after: bigint, signal: AbortSignal) {
  return createLaunchStream(shareFeedOptions(link, after, signal));
}
