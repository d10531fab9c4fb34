import { feedCalendar, originOf } from "@/lib/windows/calendar-feed";
import { actorForFeedToken } from "@/lib/windows/feed";

export const dynamic = "force-dynamic";

// Authorized by the secret token alone (calendar apps send no cookies). Unknown and revoked tokens get the
// same 404, so the response never tells whether a token once existed.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await actorForFeedToken(token.replace(/\.ics$/, ""));
  if (!actor) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = await feedCalendar(actor, originOf(request));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="liftoff.ics"',
      "Cache-Control": "private, no-store",
    },
  });
}
