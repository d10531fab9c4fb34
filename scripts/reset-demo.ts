// `npm run db:reset-demo`: drops the local demo database, recreates it, migrates and seeds the demo again.
// Idempotent. Refuses a non-local DATABASE_URL (the event table is append-only by design, so a reset is a
// fresh database, never a rewrite of history).
import pg from "pg";
import { migrate } from "../lib/db/migrations";
import { assertLocalDatabase, resolveDatabase } from "./lib/database";

const database = await resolveDatabase();
try {
  assertLocalDatabase(database.url);
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(database.url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await client.end();
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  const { seedDemo, DEMO_USERS, DEMO_PASSWORD } = await import("../lib/seed");
  await seedDemo();
  console.log(`Demo reset. Sign in as ${DEMO_USERS[0].email} / ${DEMO_PASSWORD}.`);
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
} finally {
  await database.stop();
}
process.exit(0);
