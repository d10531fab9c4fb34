import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { MigrationError, migrate, readMigrations } from "./migrations";

// Each test gets an empty database of its own on the test server.
const admin = process.env.LIFTOFF_ADMIN_DATABASE_URL!;
const created: string[] = [];

async function emptyDatabase() {
  const name = `liftoff_test_mig_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  created.push(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});

describe("migrate", () => {
  it("applies every migration once, recording Prisma's checksum; a second run is a no-op", async () => {
    const url = await emptyDatabase();
    const all = readMigrations().map((m) => m.name);
    expect(await migrate(url)).toEqual(all);
    expect(await migrate(url)).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });

  it("lets two instances start at once: one migrates, the other waits and finds nothing to do", async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([a.length, b.length].sort()).toEqual([0, readMigrations().length]);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(readMigrations().length);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, sql: m.sql + "\n-- edited", checksum: "0".repeat(64) } : m));
    await expect(migrate(url, edited)).rejects.toThrow(MigrationError);
  });

  it("rolls back a failing migration entirely and records nothing for it", async () => {
    const url = await emptyDatabase();
    const broken = [...readMigrations(), { name: "99999999999999_broken", sql: "CREATE TABLE ok_part (id int); SELECT * FROM no_such_table;", checksum: "f".repeat(64) }];
    await expect(migrate(url, broken)).rejects.toThrow(/99999999999999_broken failed/);
    const tables = await query<{ n: string }>(url, `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ok_part'`);
    expect(Number(tables[0].n)).toBe(0);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`);
    expect(Number(rows[0].n)).toBe(0);
  });
});
