import type { LiveEvent } from "./events";

const enc = new TextEncoder();

/**
 * The SSE messages of one batch, encoded once and shared by every stream of the launch: one message per
 * event with its own id (what Last-Event-ID resumes from); the batch's readiness rides on the last one.
 */
export function encodeBatch(events: LiveEvent[], readiness: unknown): Uint8Array[] {
  return events.map((e, i) =>
    enc.encode(`id: ${e.id}\nevent: change\ndata: ${JSON.stringify({ events: [e], readiness: i === events.length - 1 ? readiness : undefined })}\n\n`),
  );
}
