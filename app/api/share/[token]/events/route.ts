import { SSE_HEADERS } from "@/lib/live/authorize-stream";
import { authorizeShareStream, createShareStream } from "@/lib/share/stream-access";

export const dynamic = "force-dynamic";

/**
 * A share link's live feed (Server-Sent Events), authorized by the token alone: the launch's stream in its
 * share encoding (only the parts a share page shows, through its allow-list). Revoked or expired: 404, and
 * an open stream is closed. Under `npm start` scripts/serve.ts serves the same stream before Next.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await authorizeShareStream(request.headers, token, new URL(request.url).searchParams.get("after"));
  if (!access.ok) return new Response(access.message, { status: access.status });
  return new Response(createShareStream(access.link, access.after, request.signal), { headers: { ...SSE_HEADERS, "Referrer-Policy": "no-referrer" } });
}
