import "server-only";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/boss";
import type { DispatchedEvent, Reactor } from "@/lib/jobs/dispatch";
import type { DeliverJob } from "./endpoints";
import { bodyFor } from "./message";
import { WEBHOOK_EVENT_TYPES } from "./schema";

// Turns committed events into webhook deliveries: one row and one `webhook.deliver` job per matching
// endpoint and event, written together in one transaction. The row is unique per (endpoint, event), so
// a dispatch retried after a crash inserts nothing new and enqueues nothing twice.

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);

export async function reactToEvents(events: readonly DispatchedEvent[]) {
  const relevant = events.filter((e) => SUBSCRIBABLE.has(e.type));
  if (relevant.length === 0) return;
  const launchIds = [...new Set(relevant.map((e) => e.launchId).filter((id): id is string => id !== null))];
  const endpoints = await db.webhookEndpoint.findMany({
    where: {
      enabled: true,
      eventTypes: { hasSome: [...new Set(relevant.map((e) => e.type))] },
      OR: [{ launchId: { in: launchIds } }, { launchId: null }],
    },
    select: { id: true, launchId: true, format: true, eventTypes: true },
  });
  if (endpoints.length === 0) return;
  const launches = await db.launch.findMany({ where: { id: { in: launchIds } }, select: { id: true, name: true } });
  const names = new Map(launches.map((l) => [l.id, l.name]));
  const rows = relevant.flatMap((event) =>
    endpoints
      .filter((ep) => ep.eventTypes.includes(event.type) && (ep.launchId === null || ep.launchId === event.launchId))
      .map((ep) => ({
        endpointId: ep.id,
        eventId: BigInt(event.id),
        type: event.type,
        body: bodyFor(ep.format, event, event.launchId ? (names.get(event.launchId) ?? null) : null),
        nextAttemptAt: new Date(),
      })),
  );
  if (rows.length === 0) return;
  await db.$transaction(async (tx) => {
    const created = await tx.webhookDelivery.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
    for (const d of created) await enqueue<DeliverJob>(tx, "webhook.deliver", { deliveryId: d.id, attempt: 1 });
  });
}

export const webhookReactor: Reactor = { name: "webhooks", react: reactToEvents };
