// Applies Prisma-format migrations (prisma/migrations/<name>/migration.sql) in order, recording each in
// `_prisma_migrations` exactly as `prisma migrate deploy` does, so the two stay interchangeable.
// Needs no Prisma engine download (docs/decisions/0002-migrations-without-engine.md).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { installJobQueues } from "../jobs/install";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 72_707_369;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

export class MigrationError extends Error {}

/** Applies pending migrations; returns the names applied. Safe to run from several instances at once. */
export async function migrate(connectionString: string, migrations = readMigrations()) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    // Session-level advisory lock: a second instance waits here, then finds nothing left to do.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && !row.finished_at) {
        throw new MigrationError(`Migration ${m.name} started earlier and did not finish; fix the database by hand.`);
      }
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(`Migration ${m.name} was edited after it was applied (checksum differs).`);
        }
        continue;
      }
      const id = randomUUID();
      // One transaction per migration: a failure leaves no half-applied migration behind.
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  // The durable job queues (pg-boss's own schema, versioned by pg-boss) come with the database, so the
  // write path can enqueue from its first transaction (lib/jobs/install.ts).
  await installJobQueues(connectionString);
  return applied;
}

export type MigrationRecord = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };
export type MigrationState = { onDisk: number; pending: string[]; failed: string[]; modified: string[] };

/**
 * Where the database stands against the migrations on disk (the one rule, for /api/health and
 * /admin/health): pending (not finished), failed (started, never finished, not finished by a later try),
 * modified (finished, but the file changed since). Rows rolled back do not count.
 */
export function migrationState(records: MigrationRecord[], files: Migration[] = readMigrations()): MigrationState {
  const live = records.filter((r) => !r.rolled_back_at);
  const finished = new Map(live.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
  return {
    onDisk: files.length,
    pending: files.filter((f) => !finished.has(f.name)).map((f) => f.name),
    failed: [...new Set(live.filter((r) => !r.finished_at && !finished.has(r.migration_name)).map((r) => r.migration_name))],
    modified: files.filter((f) => finished.has(f.name) && finished.get(f.name) !== f.checksum).map((f) => f.name),
  };
}

/** `_prisma_migrations` as migrationState reads it; throws when the table does not exist (nothing ever migrated). */
export const MIGRATION_RECORDS_SQL = `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`;
