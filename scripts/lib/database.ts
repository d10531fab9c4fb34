// Where the app's Postgres comes from: DATABASE_URL when set, else an embedded real PostgreSQL whose data
// lives in .data/ (gitignored) and survives restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded-pg";

export const DATA_DIR = path.resolve(process.env.LIFTOFF_DATA_DIR ?? ".data");

export type ResolvedDatabase = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
  /** Embedded only: settles when this Postgres process exits, however it happens. */
  exited?: Promise<string>;
  /** Embedded only: starts Postgres again on the same data and port (after a crash). */
  restart?: () => Promise<ResolvedDatabase>;
};

export async function resolveDatabase(opts: { quiet?: boolean; reuseRunning?: boolean } = {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  // A one-off command next to a running `npm start` uses its Postgres instead of starting a second one.
  const running = opts.reuseRunning ? runningEmbeddedPort() : null;
  if (running) return { url: `postgresql://postgres:liftoff@127.0.0.1:${running}/liftoff`, embedded: true, stop: async () => {} };
  const started = Date.now();
  const dir = path.join(DATA_DIR, "postgres");
  const pg = await startEmbeddedPostgres({ dir, port: Number(process.env.LIFTOFF_PG_PORT ?? 54329), quiet: opts.quiet });
  await ensureDatabase(pg.pg, "liftoff");
  if (!opts.quiet) console.log(`▸ Embedded PostgreSQL 18 on port ${pg.port} (${Date.now() - started} ms, data in ${path.relative(process.cwd(), DATA_DIR)}/postgres)`);
  if (!opts.quiet) console.log("  It is for trying Liftoff, development and tests; in production set DATABASE_URL to a supported, patched PostgreSQL (README: Production).");
  const restart = async (): Promise<ResolvedDatabase> => {
    const again = await startEmbeddedPostgres({ dir, port: pg.port, quiet: opts.quiet, strictPort: true });
    return { url: again.url("liftoff"), embedded: true, stop: again.stop, exited: again.exited, restart };
  };
  return { url: pg.url("liftoff"), embedded: true, stop: pg.stop, exited: pg.exited, restart };
}

/** The port of the embedded Postgres already running on DATA_DIR (its postmaster.pid), or null. */
export function runningEmbeddedPort(): number | null {
  const pidFile = path.join(DATA_DIR, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    // EPERM: alive, but owned by the postgres OS user (we run as root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return Number(port) || null;
}

/** The embedded dev mode's auth secret: generated once into the data folder, never committed. */
export function localAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Destructive setup (fresh test databases, demo reset) refuses anything but a local server. */
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.LIFTOFF_ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(
      `Refusing destructive setup against ${host}: DATABASE_URL is not local. Set LIFTOFF_ALLOW_REMOTE_TEST_DB=1 if you mean it.`,
    );
  }
}
