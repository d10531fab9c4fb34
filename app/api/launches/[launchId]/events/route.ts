import { SSE_HEADERS, authorizeStream } from "@/lib/live/authorize-stream";
import { createLaunchStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * The live feed of one launch as Server-Sent Events. Checks the session and membership itself, replays
 * from Last-Event-ID (or ?after=) and then streams every committed event with its id. Under `npm start`
 * the same stream is served by scripts/serve.ts before Next's pipeline (lighter per connection); this
 * handler serves it under `next dev` and plain `next start`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ launchId: string }> }) {
  const { launchId } = await params;
  const access = await authorizeStream(request.headers, launchId, new URL(request.url).searchParams.get("after"));
  if (!access.ok) return new Response(access.message, { status: access.status });
  const stream = createLaunchStream({ launchId, userId: access.userId, isAdmin: access.isAdmin, role: access.role, after: access.after, signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
}
