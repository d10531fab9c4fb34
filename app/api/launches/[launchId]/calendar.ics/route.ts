import { getSessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/domain/errors";
import { getLaunchForActor } from "@/lib/launches/queries";
import { launchCalendar, originOf } from "@/lib/windows/calendar-feed";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The launch's windows as an .ics download: members (and admins) only; everyone else gets a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ launchId: string }> }) {
  const { launchId } = await params;
  const user = await getSessionUser();
  if (!user) return notFound();
  try {
    const launch = await getLaunchForActor({ userId: user.id, isAdmin: user.isAdmin }, launchId);
    const body = await launchCalendar(launch.id, launch.name, originOf(request));
    const slug = launch.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "launch";
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slug}-windows.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
