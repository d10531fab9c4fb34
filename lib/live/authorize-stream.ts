import "server-only";
import { activeSession } from "@/lib/auth/auth";
import type { Role } from "@/lib/domain/roles";
import { streamRole } from "@/lib/launches/access";
import { parseEventCursor } from "./cursor";
import { listener, MAX_STREAMS_PER_USER } from "./listener";

export type StreamAccess =
  | { ok: true; userId: string; isAdmin: boolean; role: Role | null; after: bigint }
  | { ok: false; status: 400 | 401 | 404 | 429; message: string };

/** Session, membership and cursor of a request for a launch's live feed; shared by both SSE servers. */
export async function authorizeStream(headers: Headers, launchId: string, afterParam: string | null): Promise<StreamAccess> {
  const session = await activeSession(headers);
  if (!session) return { ok: false, status: 401, message: "Sign in to follow this launch." };
  const userId = session.user.id;
  const isAdmin = (session.user as { isAdmin?: boolean }).isAdmin === true;
  // The one access rule (lib/launches/access.ts), as for pages and commands.
  const access = await streamRole({ userId, isAdmin }, launchId);
  if (!access) return { ok: false, status: 404, message: "Launch not found, or you are not a member of it." };
  if (listener().streamCountOf(userId) >= MAX_STREAMS_PER_USER) {
    return { ok: false, status: 429, message: `Too many open live feeds (max ${MAX_STREAMS_PER_USER}); close other tabs.` };
  }
  // Both are checked when both are sent; Last-Event-ID (the browser's reconnect) wins.
  const fromParam = parseEventCursor(afterParam);
  const fromHeader = parseEventCursor(headers.get("last-event-id"));
  if (!fromHeader.ok) return { ok: false, status: 400, message: fromHeader.message };
  if (!fromParam.ok) return { ok: false, status: 400, message: fromParam.message };
  return { ok: true, userId, isAdmin, role: access.role, after: headers.has("last-event-id") ? fromHeader.after : fromParam.after };
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // No hop may buffer or transform the stream (proxies buffer text/event-stream unless told not to).
  "Cache-Control": "no-cache, no-transform",
  "Content-Encoding": "none",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;
