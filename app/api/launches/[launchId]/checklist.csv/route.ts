import { getSessionUser } from "@/lib/auth/session";
import { exportLaunchCsv } from "@/lib/checklist/export";
import { NotFoundError } from "@/lib/domain/errors";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The checklist as CSV (columns in lib/checklist/csv-columns.ts): members and admins only, else 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ launchId: string }> }) {
  const { launchId } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to export the checklist.\n", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    const { csv, filename } = await exportLaunchCsv({ userId: user.id, isAdmin: user.isAdmin }, launchId);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
