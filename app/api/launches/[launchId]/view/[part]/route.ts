import { getSessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/domain/errors";
import { VIEW_PARTS, type ViewPart } from "@/lib/launches/query-keys";
import { loadViewPart } from "@/lib/launches/view";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store" } });

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The reads a launch page's browser makes (its query cache refetching one part), authorized exactly as
 * the pages are: signed in, and a member of the launch (or an admin), else 404 that discloses nothing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ launchId: string; part: string }> }) {
  const { launchId, part } = await params;
  if (!(VIEW_PARTS as readonly string[]).includes(part)) return json({ error: "Unknown part of a launch." }, 404);
  if (!ID.test(launchId)) return json({ error: "Launch not found, or you are not a member of it." }, 404);
  const itemId = new URL(request.url).searchParams.get("itemId") ?? undefined;
  if (part === "item" && (!itemId || !ID.test(itemId))) return json({ error: "itemId: a checklist item id is required." }, 400);
  const user = await getSessionUser();
  if (!user) return json({ error: "Your session has ended. Sign in again." }, 401);
  try {
    return json(await loadViewPart({ userId: user.id, isAdmin: user.isAdmin }, launchId, part as ViewPart, { itemId }));
  } catch (error) {
    if (error instanceof NotFoundError) return json({ error: error.message }, 404);
    console.error(`[view ${part}] failed`, error);
    return json({ error: "Something went wrong on our side; try again." }, 500);
  }
}
