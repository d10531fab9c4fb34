import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Who last changed a row, read from the event log (rows without an updated-by column): the name shown to
 * the loser of an edit conflict. `key` is the payload field holding the row's id.
 */
export async function lastEditorName(tx: Tx, launchId: string, key: string, id: string): Promise<string | null> {
  const event = await tx.event.findFirst({
    where: { launchId, payload: { path: [key], equals: id } },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  if (!event?.actorId) return null;
  const user = await tx.user.findUnique({ where: { id: event.actorId }, select: { name: true } });
  return user?.name ?? null;
}
