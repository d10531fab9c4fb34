import { getAuth } from "@/lib/auth/auth";
import { can, type Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { createLaunchStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * The live feed of one launch as Server-Sent Events. Checks the session and membership itself, replays
 * from Last-Event-ID (or ?after=) and then streams every committed event with its id.
 */
export async function GET(request: Request, { params }: { params: Promise<{ launchId: string }> }) {
  const { launchId } = await params;
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return new Response("Sign in to follow this launch.", { status: 401 });
  const isAdmin = (session.user as { isAdmin?: boolean }).isAdmin === true;
  const member = await db.member.findFirst({ where: { launchId, userId: session.user.id }, select: { role: true } });
  const exists = member || (isAdmin && (await db.launch.count({ where: { id: launchId } })) > 0);
  if (!exists || !can({ userId: session.user.id, isAdmin }, { role: (member?.role as Role) ?? null }, "launch.view")) {
    return new Response("Launch not found, or you are not a member of it.", { status: 404 });
  }
  const url = new URL(request.url);
  const cursor = request.headers.get("last-event-id") ?? url.searchParams.get("after") ?? "0";
  if (!/^\d{1,19}$/.test(cursor)) return new Response("Invalid event cursor.", { status: 400 });

  const stream = createLaunchStream({ launchId, userId: session.user.id, isAdmin, after: BigInt(cursor), signal: request.signal });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // No hop may buffer or transform the stream (STACK-NOTES.md).
      "Cache-Control": "no-cache, no-transform",
      "Content-Encoding": "none",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
