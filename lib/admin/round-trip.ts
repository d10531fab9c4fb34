// The database card's judgement, pure so it can be tested without a database.

/** A `select 1` round trip slower than this, measured from the app, is worth a look. */
export const SLOW_DB_MS = 100;
/** Round trips timed per reading: the fastest is the connection's, the others add this instance's own delays. */
export const ROUND_TRIP_SAMPLES = 3;

/**
 * Judges a few consecutive `select 1` round trips like `ping` would: by the fastest. One sample on a busy
 * instance also measures the event loop's backlog and any pause of the collector, which says nothing about
 * the database; if even the fastest of several is slow, the connection or the server is.
 */
export function judgeRoundTrip(samplesMs: readonly number[]): { level: "ok" | "warning"; latencyMs: number; note: string } {
  if (samplesMs.length === 0) throw new Error("judgeRoundTrip needs at least one sample");
  const latencyMs = Math.round(Math.min(...samplesMs) * 10) / 10;
  const slow = latencyMs > SLOW_DB_MS;
  return {
    level: slow ? "warning" : "ok",
    latencyMs,
    note: slow ? `Slow: the fastest of ${samplesMs.length} select 1 round trips took over ${SLOW_DB_MS} ms.` : "Reachable.",
  };
}
