import "server-only";
import { db } from "@/lib/db/client";

/** Events of a launch after the cursor, oldest first: the audit trail read in pages. */
export async function listEvents(launchId: string, opts: { after?: string; limit: number }) {
  const rows = await db.event.findMany({
    where: { launchId, ...(opts.after ? { id: { gt: BigInt(opts.after) } } : {}) },
    orderBy: { id: "asc" },
    take: opts.limit + 1,
    select: { id: true, type: true, at: true, payload: true, actorId: true },
  });
  const page = rows.slice(0, opts.limit);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const events = page.map((r) => ({
    id: r.id.toString(),
    type: r.type,
    at: r.at.toISOString(),
    actorName: r.actorId ? (names.get(r.actorId) ?? "A former user") : null,
    payload: (r.payload ?? {}) as Record<string, unknown>,
  }));
  return { events, nextCursor: events.at(-1)?.id ?? opts.after ?? null, hasMore: rows.length > opts.limit };
}
