// Installs (or upgrades) pg-boss's own schema and creates Liftoff's queues, at migration time, so that
// the write path can enqueue from its first transaction. pg-boss migrates its schema itself under an
// advisory lock, so instances starting together install once. Called by lib/db/migrations.ts `migrate`.
import { PgBoss } from "pg-boss";
import { DIGEST_CRON } from "../notifications/kinds";
import { JOB_SCHEMA, PRUNE_CRON, QUEUE_NAMES, QUEUES } from "./queues";

export async function installJobQueues(connectionString: string) {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 1, supervise: false, schedule: false, migrate: true });
  boss.on("error", (error) => console.error("[jobs] install", error));
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of QUEUE_NAMES) {
      if (existing.has(name)) await boss.updateQueue(name, QUEUES[name]);
      else await boss.createQueue(name, QUEUES[name]);
    }
    // The notification digest (lib/notifications/digest.ts), checked every 15 minutes so each user gets theirs
    // at their own local hour; schedule() upserts, so this is idempotent and replaces the old daily cron.
    await boss.schedule("notify.digest", DIGEST_CRON, null, { tz: "UTC" });
    // Retention (lib/jobs/prune.ts), once a day at a quiet hour.
    await boss.schedule("maintenance.prune", PRUNE_CRON, null, { tz: "UTC" });
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
