// A fresh, migrated database for one test run: on DATABASE_URL's server when set (local only), else on an
// embedded PostgreSQL whose cluster is kept in .data/test-postgres between runs (databases are not).
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrations";
import { DATA_DIR, assertLocalDatabase } from "./database";
import { startEmbeddedPostgres } from "./embedded-pg";

export type TestDb = { url: string; adminUrl: string; stop: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDb> {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    adminUrl = process.env.DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "test-postgres"), port: 54339, quiet: true });
    adminUrl = server.url("postgres");
    stopServer = server.stop;
  }
  const name = `liftoff_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    adminUrl,
    stop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await c.end();
      await stopServer();
    },
  };
}
