import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/db/health";
import { listener } from "@/lib/live/listener";

export const dynamic = "force-dynamic";

/** Database reachable and every migration applied; 503 otherwise (for load balancers and uptime checks). */
export async function GET() {
  const health = await checkHealth();
  const live = listener();
  // Open streams on this instance: benchmarks check it returns to zero after clients leave.
  const body = { ...health, live: { streams: live.streamCount, listening: live.connected, reconnects: live.reconnects } };
  return NextResponse.json(body, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
