import "server-only";
import { db } from "@/lib/db/client";
import type { WebhookEventType } from "./schema";

// What a webhooks page shows (a launch's managers; for launchId null, the instance's admins): endpoints
// without their secrets, and the latest deliveries.

export type WebhookEndpointRow = {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  format: "STANDARD" | "SLACK" | "TEAMS";
  enabled: boolean;
  disabledReason: string | null;
  version: number;
  createdAt: string;
  createdByName: string | null;
  /** Set while a rotated-out secret still signs too. */
  previousSecretValidUntil: string | null;
};

export type WebhookDeliveryRow = {
  id: string;
  endpointId: string;
  type: string;
  status: "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastMs: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
};

export const DELIVERY_LOG_LIMIT = 50;

export async function listWebhooks(launchId: string | null, now = new Date()): Promise<{ endpoints: WebhookEndpointRow[]; deliveries: WebhookDeliveryRow[] }> {
  const [endpoints, deliveries] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { launchId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, url: true, description: true, eventTypes: true, format: true, enabled: true, disabledReason: true, version: true,
        createdAt: true, previousSecretExpiresAt: true, createdBy: { select: { name: true } },
      },
    }),
    db.webhookDelivery.findMany({
      where: { endpoint: { launchId } },
      orderBy: { createdAt: "desc" },
      take: DELIVERY_LOG_LIMIT,
      select: { id: true, endpointId: true, type: true, status: true, attempts: true, lastStatus: true, lastError: true, lastMs: true, nextAttemptAt: true, createdAt: true, deliveredAt: true },
    }),
  ]);
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id, url: e.url, description: e.description, eventTypes: e.eventTypes as WebhookEventType[], format: e.format, enabled: e.enabled,
      disabledReason: e.disabledReason, version: e.version, createdAt: e.createdAt.toISOString(), createdByName: e.createdBy?.name ?? null,
      previousSecretValidUntil: e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt.toISOString() : null,
    })),
    deliveries: deliveries.map((d) => ({
      ...d, nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
  };
}
