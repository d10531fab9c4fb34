import { resolveShareToken } from "@/lib/share/links";
import { loadShareDTO } from "@/lib/share/load";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });

/** The JSON a share page is built from (its refetch after a resync). Token only; unknown, revoked and expired alike. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareToken(token);
  const dto = link && (await loadShareDTO(link));
  if (!dto) return json({ error: "This share link does not exist, was revoked or has expired." }, 404);
  return json(dto);
}
