import "server-only";
import { db } from "@/lib/db/client";

export type LiveEvent = {
  id: string;
  type: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  payload: Record<string, unknown>;
};

/** Events read per query; a batch never holds more. */
export const EVENTS_PAGE = 500;

/** Events of a launch after `cursor`, oldest first, with the actor's name. */
export async function fetchEventsAfter(launchId: string, cursor: bigint, limit = EVENTS_PAGE): Promise<LiveEvent[]> {
  const rows = await db.$queryRaw<{ id: bigint; type: string; at: Date; actor_id: string | null; actor_name: string | null; payload: unknown }[]>`
    SELECT e.id, e.type, e.at, e.actor_id, u.name AS actor_name, e.payload
    FROM "event" e LEFT JOIN "user" u ON u.id = e.actor_id
    WHERE e.launch_id = ${launchId} AND e.id > ${cursor}
    ORDER BY e.id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id.toString(),
    type: r.type,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    payload: (r.payload ?? {}) as Record<string, unknown>,
  }));
}

export async function maxEventId(launchId: string): Promise<bigint> {
  const rows = await db.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "event" WHERE launch_id = ${launchId}`;
  return rows[0]?.max ?? 0n;
}

