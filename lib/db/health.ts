import "server-only";
import { db } from "@/lib/db/client";
import { MIGRATION_RECORDS_SQL, migrationState, type MigrationRecord } from "@/lib/db/migrations";

export type Health = { ok: boolean; database: "up" | "down"; migrations: "applied" | "pending" | "unknown"; pending?: string[]; error?: string };

export async function checkHealth(): Promise<Health> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    return { ok: false, database: "down", migrations: "unknown", error: "Database unreachable" };
  }
  try {
    const { pending } = migrationState(await db.$queryRawUnsafe<MigrationRecord[]>(MIGRATION_RECORDS_SQL));
    return pending.length
      ? { ok: false, database: "up", migrations: "pending", pending }
      : { ok: true, database: "up", migrations: "applied" };
  } catch {
    // No _prisma_migrations table at all: nothing was ever migrated.
    return { ok: false, database: "up", migrations: "pending", error: "No migrations have been applied" };
  }
}
