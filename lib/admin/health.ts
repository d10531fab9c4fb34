import "server-only";
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import { MIGRATION_RECORDS_SQL, migrationState, readMigrations, type MigrationRecord } from "@/lib/db/migrations";
import { ForbiddenError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { JOB_SCHEMA, QUEUE_NAMES } from "@/lib/jobs/queues";
import { listenerStatus, type ListenerStatus } from "@/lib/live/listener";
import { judgeRoundTrip, ROUND_TRIP_SAMPLES } from "./round-trip";

// The instance health page (issue 14): what an admin checks first when "live updates stopped" or "no
// mail arrives". Each reading is taken on this instance, now, and judged ok or warning with the reason.
// Read-only: nothing here starts the listener or a pg-boss instance.

export type Level = "ok" | "warning";

export type DatabaseHealth = { level: Level; reachable: boolean; serverVersion: string | null; latencyMs: number | null; note: string };
export type MigrationHealth = {
  level: Level;
  onDisk: number;
  applied: number;
  /** On disk, not finished in the database. */
  pending: string[];
  /** Started and never finished (a crash mid-migration), not rolled back. */
  failed: string[];
  /** Applied, but the file on disk has changed since. */
  modified: string[];
  note: string;
};
export type ListenerHealth = ListenerStatus & { level: Level; note: string };
export type QueueCounts = { queue: string; queued: number; scheduled: number; active: number; retry: number; failed: number; oldestQueuedAt: Date | null };
export type QueueHealth = { level: Level; queues: QueueCounts[]; note: string };
/** `failed`: deliveries that used up their retries in the last 24 hours. */
export type WebhookHealth = { level: Level; pending: number; failed: number; oldestPendingAt: Date | null; note: string };
export type InstanceHealth = {
  readAt: Date;
  database: DatabaseHealth;
  migrations: MigrationHealth;
  listener: ListenerHealth;
  queues: QueueHealth;
  webhooks: WebhookHealth;
};

/** A job ready to run for longer than this is waiting for a worker that may not be running. */
export const STUCK_JOB_MS = 5 * 60_000;

export async function readInstanceHealth(actor: Actor, now = new Date()): Promise<InstanceHealth> {
  if (!actor.isAdmin) throw new ForbiddenError("Only instance admins can see the instance's health.");
  const database = await databaseHealth();
  if (!database.reachable) {
    const down = { level: "warning" as const, note: "Not read: the database is unreachable." };
    return {
      readAt: now,
      database,
      migrations: { ...down, onDisk: readMigrations().length, applied: 0, pending: [], failed: [], modified: [] },
      listener: listenerHealth(),
      queues: { ...down, queues: [] },
      webhooks: { ...down, pending: 0, failed: 0, oldestPendingAt: null },
    };
  }
  const [migrations, queues, webhooks] = await Promise.all([migrationHealth(), queueHealth(now), webhookHealth(now)]);
  return { readAt: now, database, migrations, listener: listenerHealth(), queues, webhooks };
}

export async function databaseHealth(): Promise<DatabaseHealth> {
  try {
    const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
    // Timed after a first query, so the figures are round trips, not the pool opening a connection.
    const samples: number[] = [];
    for (let i = 0; i < ROUND_TRIP_SAMPLES; i++) {
      const started = performance.now();
      await db.$queryRaw`SELECT 1`;
      samples.push(performance.now() - started);
    }
    return { reachable: true, serverVersion: version, ...judgeRoundTrip(samples) };
  } catch {
    return { level: "warning", reachable: false, serverVersion: null, latencyMs: null, note: "Unreachable from this instance." };
  }
}

export async function migrationHealth(): Promise<MigrationHealth> {
  let records: MigrationRecord[];
  try {
    records = await db.$queryRawUnsafe<MigrationRecord[]>(MIGRATION_RECORDS_SQL);
  } catch {
    const pending = readMigrations().map((f) => f.name);
    return { level: "warning", onDisk: pending.length, applied: 0, pending, failed: [], modified: [], note: "No migration has ever been applied." };
  }
  const { onDisk, pending, failed, modified } = migrationState(records);
  const problems = [
    pending.length ? `${pending.length} pending` : "",
    failed.length ? `${failed.length} failed` : "",
    modified.length ? `${modified.length} changed after being applied` : "",
  ].filter(Boolean);
  return {
    level: problems.length ? "warning" : "ok",
    onDisk,
    applied: onDisk - pending.length,
    pending,
    failed,
    modified,
    note: problems.length ? `${problems.join(", ")}.` : "All applied.",
  };
}

export function listenerHealth(): ListenerHealth {
  const status = listenerStatus();
  if (status.state === "listening") return { ...status, level: "ok", note: "Listening." };
  if (status.state === "connecting") return { ...status, level: "warning", note: "Reconnecting: live pages on this instance catch up once it is back." };
  return { ...status, level: "ok", note: "Idle: it connects when the first live page opens on this instance." };
}

type JobRow = { name: string; state: string; n: number; oldest: Date | null };

export async function queueHealth(now = new Date()): Promise<QueueHealth> {
  let rows: JobRow[];
  try {
    // The schema name is a constant of ours, never input.
    rows = await db.$queryRawUnsafe<JobRow[]>(
      `SELECT name,
              CASE WHEN state = 'created' AND start_after > now() THEN 'scheduled' ELSE state::text END AS state,
              count(*)::int AS n,
              min(start_after) FILTER (WHERE state = 'created' AND start_after <= now()) AS oldest
         FROM "${JOB_SCHEMA}".job
        WHERE state IN ('created', 'retry', 'active', 'failed')
        GROUP BY 1, 2`,
    );
  } catch {
    return { level: "warning", queues: [], note: "The job tables could not be read (pg-boss not installed?)." };
  }
  const byQueue = new Map<string, QueueCounts>();
  const entry = (queue: string) => {
    let e = byQueue.get(queue);
    if (!e) byQueue.set(queue, (e = { queue, queued: 0, scheduled: 0, active: 0, retry: 0, failed: 0, oldestQueuedAt: null }));
    return e;
  };
  QUEUE_NAMES.forEach(entry);
  for (const r of rows) {
    const e = entry(r.name);
    if (r.state === "created") {
      e.queued += r.n;
      e.oldestQueuedAt = r.oldest;
    } else if (r.state === "scheduled" || r.state === "active" || r.state === "retry" || r.state === "failed") e[r.state] += r.n;
  }
  const queues = [...byQueue.values()];
  const failed = queues.reduce((n, q) => n + q.failed, 0);
  const stuck = queues.filter((q) => q.oldestQueuedAt && now.getTime() - q.oldestQueuedAt.getTime() > STUCK_JOB_MS).map((q) => q.queue);
  const problems = [
    failed ? `${failed} failed ${failed === 1 ? "job" : "jobs"} (retries used up)` : "",
    stuck.length ? `jobs waiting over ${STUCK_JOB_MS / 60_000} minutes in ${stuck.join(", ")}: is a worker running?` : "",
  ].filter(Boolean);
  return { level: problems.length ? "warning" : "ok", queues, note: problems.length ? `${problems.join("; ")}.` : "No failed or stuck jobs." };
}

export async function webhookHealth(now = new Date()): Promise<WebhookHealth> {
  const since = new Date(now.getTime() - 86_400_000);
  const [pending, failed, oldest] = await Promise.all([
    db.webhookDelivery.count({ where: { status: "PENDING" } }),
    // Only recent give-ups warn: one that failed last month and was dealt with (or not) is history.
    db.webhookDelivery.count({ where: { status: "FAILED", updatedAt: { gte: since } } }),
    db.webhookDelivery.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return {
    level: failed ? "warning" : "ok",
    pending,
    failed,
    oldestPendingAt: oldest?.createdAt ?? null,
    note: failed
      ? `${failed} ${failed === 1 ? "delivery" : "deliveries"} gave up in the last 24 hours; resend from the webhook's page.`
      : pending
        ? "Deliveries in progress."
        : "Nothing waiting.",
  };
}
