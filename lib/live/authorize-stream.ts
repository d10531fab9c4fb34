import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { can, type Role } from "@/lib/domain/roles";

export type StreamAccess =
  | { ok: true; userId: string; isAdmin: boolean; after: bigint }
  | { ok: false; status: 400 | 401 | 404; message: string };

/** Session, membership and cursor of a request for a launch's live feed; shared by both SSE servers. */
export async function authorizeStream(headers: Headers, launchId: string, afterParam: string | null): Promise<StreamAccess> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return { ok: false, status: 401, message: "Sign in to follow this launch." };
  const userId = session.user.id;
  const isAdmin = (session.user as { isAdmin?: boolean }).isAdmin === true;
  const member = await db.member.findFirst({ where: { launchId, userId }, select: { role: true } });
  const exists = member || (isAdmin && (await db.launch.count({ where: { id: launchId } })) > 0);
  if (!exists || !can({ userId, isAdmin }, { role: (member?.role as Role) ?? null }, "launch.view")) {
    return { ok: false, status: 404, message: "Launch not found, or you are not a member of it." };
  }
  const cursor = headers.get("last-event-id") ?? afterParam ?? "0";
  if (!/^\d{1,19}$/.test(cursor)) return { ok: false, status: 400, message: "Invalid event cursor." };
  return { ok: true, userId, isAdmin, after: BigInt(cursor) };
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // No hop may buffer or transform the stream (STACK-NOTES.md).
  "Cache-Control": "no-cache, no-transform",
  "Content-Encoding": "none",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;
