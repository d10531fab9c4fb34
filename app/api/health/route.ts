import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/db/health";
import { listener } from "@/lib/live/listener";

export const dynamic = "force-dynamic";

/** Database reachable and every migration applied; 503 otherwise (for load balancers and uptime checks). */
export async function GET() {
  const health = await checkHealth();
  const live = listener();
  // Open streams on this instance: benchmarks check it returns to zero after clients leave.
  const body = {
    ...health,
    live: { streams: live.streamCount, listening: live.connected, reconnects: live.reconnects },
    // Process memory only where asked for (benchmarks); it is nobody else's business.
    ...(process.env.LIFTOFF_HEALTH_MEMORY === "1" ? { memory: memoryMb() } : {}),
  };
  return NextResponse.json(body, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

function memoryMb() {
  // With --expose-gc (benchmarks), collect first so the figure is what is retained, not garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) };
}
