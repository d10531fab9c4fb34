// The durable job queues of the instance (pg-boss in Postgres, schema "pgboss"). One table of names and
// retry policies, read by the installer (at migration time), the sender and the workers, so a queue is
// configured in exactly one place. Plain data: no server-only import, the migration script reads it too.
import type { QueueOptions } from "pg-boss";

export const JOB_SCHEMA = "pgboss";

/**
 * `events.dispatch`: one job per committed transaction that appended events (enqueued inside it by the
 * write path, lib/server/command.ts), so reactions to a change (notifications, webhooks) are never lost
 * and never run for a change that rolled back. Its worker turns the events into the jobs below.
 */
export const QUEUES = {
  "events.dispatch": { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 120 },
  "mail.send": { retryLimit: 8, retryDelay: 30, retryBackoff: true, retryDelayMax: 3_600, expireInSeconds: 120 },
  "webhook.deliver": { retryLimit: 12, retryDelay: 30, retryBackoff: true, retryDelayMax: 21_600, expireInSeconds: 60 },
  "notify.reminder": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 120 },
  "notify.digest": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  "maintenance.prune": { retryLimit: 3, retryDelay: 600, expireInSeconds: 900 },
} as const satisfies Record<string, Omit<QueueOptions, "name">>;

/** `maintenance.prune` (lib/jobs/prune.ts): daily, 03:17 UTC. */
export const PRUNE_CRON = "17 3 * * *";

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];
