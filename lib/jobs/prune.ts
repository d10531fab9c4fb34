import "server-only";
import { db } from "@/lib/db/client";
import { WEBHOOK_LOG_DAYS } from "@/lib/webhooks/retention";

// What the instance keeps only for a while, pruned once a day by the `maintenance.prune` job (scheduled at
// migration time, lib/jobs/install.ts). The event log, sign-offs and decisions are the audit trail and are
// never pruned; this is bookkeeping that would otherwise grow without end: a busy webhook endpoint's
// delivery log, sign-in attempts for addresses nobody owns, spent sessions and one-time codes.

/** Rows deleted per statement: each statement's locks and WAL stay small, and a run may be cut anywhere. */
const BATCH = 5_000;
/** Statements per table per run: a backlog larger than this is finished by the next day's runs. */
const MAX_BATCHES = 200;

const DAY_MS = 24 * 60 * 60_000;

type Prune = { what: string; batch: (now: Date, limit: number) => Promise<number> };

const PRUNES: Prune[] = [
  {
    what: "webhook deliveries",
    // Their attempts go with them (ON DELETE CASCADE). Pending deliveries stay whatever their age.
    batch: (now, limit) => db.$executeRaw`
      DELETE FROM webhook_delivery WHERE id IN (
        SELECT id FROM webhook_delivery
        WHERE status IN ('DELIVERED', 'FAILED', 'CANCELLED') AND updated_at < ${new Date(now.getTime() - WEBHOOK_LOG_DAYS * DAY_MS)}
        LIMIT ${limit})`,
  },
  {
    // lib/auth/throttle.ts forgets failures after a day; an unlocked row that old counts for nothing.
    what: "sign-in throttles",
    batch: (now, limit) => db.$executeRaw`
      DELETE FROM sign_in_throttle WHERE key IN (
        SELECT key FROM sign_in_throttle
        WHERE updated_at < ${new Date(now.getTime() - DAY_MS)} AND (locked_until IS NULL OR locked_until < ${now})
        LIMIT ${limit})`,
  },
  {
    what: "expired sessions",
    batch: (now, limit) => db.$executeRaw`
      DELETE FROM session WHERE id IN (SELECT id FROM session WHERE expires_at < ${now} LIMIT ${limit})`,
  },
  {
    what: "expired verifications",
    batch: (now, limit) => db.$executeRaw`
      DELETE FROM verification WHERE id IN (SELECT id FROM verification WHERE expires_at < ${now} LIMIT ${limit})`,
  },
  {
    // Idempotency keys answer retries for 24 hours (lib/api/v1/idempotency.ts).
    what: "idempotency keys",
    batch: (now, limit) => db.$executeRaw`
      DELETE FROM api_idempotency WHERE ctid IN (
        SELECT ctid FROM api_idempotency WHERE created_at < ${new Date(now.getTime() - DAY_MS)} LIMIT ${limit})`,
  },
];

/** Deletes what has outlived its retention; returns how many rows of each kind went. */
export async function pruneExpired(now = new Date(), batch = BATCH): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const prune of PRUNES) {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await prune.batch(now, batch);
      total += n;
      if (n < batch) break;
    }
    deleted[prune.what] = total;
  }
  return deleted;
}

export const pruneHandler = async () => {
  const deleted = await pruneExpired();
  const summary = Object.entries(deleted).filter(([, n]) => n > 0);
  if (summary.length) console.log(`[jobs] pruned ${summary.map(([what, n]) => `${n} ${what}`).join(", ")}`);
};
