// A fresh, migrated database for one test run: on DATABASE_URL's server when set (local only), else on an
// embedded PostgreSQL cluster of its own in a temporary folder (initdb takes about a second), removed after.
// Several runs can go on at once without sharing anything.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrations";
import { assertLocalDatabase } from "./database";
import { startEmbeddedPostgres } from "./embedded-pg";

export type TestDb = { url: string; adminUrl: string; stop: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDb> {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "liftoff-test-pg-"));
    chmodSync(dir, 0o755); // postgres runs as its own OS user when we are root
    const server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), quiet: true });
    adminUrl = server.url("postgres");
    stopServer = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
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
