import "server-only";
import type { Job } from "pg-boss";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/client";
import { enqueue } from "./boss";

// Reactions to committed changes. The write path enqueues one `events.dispatch` job per transaction that
// appended events, inside that transaction (lib/server/command.ts). Its worker reads those events and hands
// them to every reactor; a reactor turns them into its own durable jobs (mail, webhook deliveries), each
// idempotent, so a dispatch retried after a crash never sends twice.

export type DispatchedEvent = {
  id: string;
  launchId: string | null;
  actorId: string | null;
  type: string;
  payload: Record<string, unknown>;
  at: Date;
};

export type Reactor = { name: string; react: (events: DispatchedEvent[]) => Promise<void> };

export type DispatchData = { launchId: string | null; eventIds: string[] };

/** Called by the write path, in its transaction, after the events are appended. */
export async function enqueueDispatch(tx: Tx, launchId: string | null, eventIds: string[]) {
  if (eventIds.length === 0) return;
  await enqueue<DispatchData>(tx, "events.dispatch", { launchId, eventIds });
}

/** The dispatch worker's body: loads the jobs' events once and runs every reactor on them, in id order. */
export function dispatcher(reactors: readonly Reactor[]) {
  return async (jobs: Job<object>[]) => {
    const ids = jobs.flatMap((j) => (j.data as DispatchData).eventIds).map((id) => BigInt(id));
    if (ids.length === 0 || reactors.length === 0) return;
    const rows = await db.event.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    const events: DispatchedEvent[] = rows.map((r) => ({
      id: r.id.toString(),
      launchId: r.launchId,
      actorId: r.actorId,
      type: r.type,
      payload: (r.payload ?? {}) as Record<string, unknown>,
      at: r.at,
    }));
    // A reactor that fails fails the job: pg-boss retries it with backoff; reactors are idempotent.
    for (const reactor of reactors) await reactor.react(events);
  };
}
