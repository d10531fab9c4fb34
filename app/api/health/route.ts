import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Database reachable and every migration applied; 503 otherwise (for load balancers and uptime checks). */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
