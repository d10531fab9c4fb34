// The pieces of lib/time/format.ts the daylight-saving notices use, plus a compact duration.
export { formatInZone } from "@/lib/time/format";

/** "30 min", "1 h", "1 h 30 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
