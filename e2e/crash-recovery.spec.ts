import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

// The crash test: the real `npm start` (scripts/start.ts, embedded Postgres in a temporary data folder,
// the already built app) under two streams of acknowledged writes, one through the write path directly and
// one through the server's HTTP sign-up. kill -9 of Postgres, then kill -9 of the server: the instance
// must come back by itself (/api/health 200) and every acknowledged write must be in the database.

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

async function poll<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve(fn()).catch(() => undefined);
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

test("kill -9 of Postgres, then of the server, under acknowledged writes: npm start brings both back and nothing acknowledged is lost", async () => {
  test.setTimeout(150_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "liftoff-crash-"));
  chmodSync(dataDir, 0o755); // the embedded Postgres runs as its own OS user when we are root
  const [port, pgPort] = [await freePort(), await freePort()];
  const base = `http://localhost:${port}`;
  // Embedded mode, outside production (start.ts decides), with its own data, ports and secret.
  const { DATABASE_URL: _db, BETTER_AUTH_SECRET: _secret, NODE_ENV: _mode, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    LIFTOFF_DATA_DIR: dataDir,
    PORT: String(port),
    LIFTOFF_PG_PORT: String(pgPort),
    LIFTOFF_SEED_DEMO: "0",
    BETTER_AUTH_URL: base,
    AUTH_RATE_LIMIT_MAX: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const children: ChildProcess[] = [];
  let log = "";
  const serverPids: number[] = [];
  const start = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--no-build"], { env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  children.push(start);
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    for (const m of chunk.toString().matchAll(/Server process (\d+)/g)) serverPids.push(Number(m[1]));
  };
  start.stdout!.on("data", collect);
  start.stderr!.on("data", collect);
  const startExit = new Promise<number | null>((r) => start.once("exit", (code) => r(code)));

  const healthy = async () => ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })).status === 200 ? true : undefined);
  const acked: string[] = [];
  const signedUp: string[] = [];
  let writing = true;
  try {
    await poll("the first start", healthy, 90_000);

    const dbUrl = `postgresql://postgres:liftoff@127.0.0.1:${pgPort}/liftoff`;
    const writer = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/write-stream.ts"], {
      env: { ...process.env, DATABASE_URL: dbUrl, LIFTOFF_DB_POOL: "2" },
      stdio: ["ignore", "pipe", "ignore"],
    });
    children.push(writer);
    writer.stdout!.on("data", (d: Buffer) => {
      for (const m of d.toString().matchAll(/^ack (\S+)$/gm)) acked.push(m[1]);
    });
    // Acknowledged by the server itself: a sign-up answered 200 has committed its account.
    const httpWrites = (async () => {
      for (let n = 0; writing; n++) {
        const email = `crash-${n}-${Date.now()}@test.liftoff`;
        const ok = await fetch(`${base}/api/auth/sign-up/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base },
          body: JSON.stringify({ email, password: "crash-password-1", name: "Crash" }),
          signal: AbortSignal.timeout(5_000),
        })
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) signedUp.push(email);
        else await new Promise((r) => setTimeout(r, 100));
      }
    })();

    await poll("writes before the crash", () => (acked.length >= 10 && signedUp.length >= 2) || undefined);

    // 1. kill -9 the postmaster.
    const postmaster = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const ackedBefore = acked.length;
    const serverBefore = serverPids.at(-1);
    process.kill(postmaster, "SIGKILL");
    await poll("Postgres to die", () => !alive(postmaster) || undefined, 10_000);
    await poll("health 200 after the Postgres crash", healthy);
    await poll("writes after the Postgres restart", () => acked.length >= ackedBefore + 10 || undefined);
    expect(log).toMatch(/PostgreSQL was killed \(SIGKILL\).*restarting/);
    // The same server process came back to health: its pool (and live listener) reconnected by themselves,
    // as they do after an external database restarts.
    expect(serverPids.at(-1)).toBe(serverBefore);

    // 2. kill -9 the server process.
    const server = serverPids.at(-1)!;
    const signedBefore = signedUp.length;
    process.kill(server, "SIGKILL");
    await poll("a new server process", () => (serverPids.at(-1) !== server ? true : undefined), 20_000);
    await poll("health 200 after the server crash", healthy, 90_000);
    await poll("sign-ups through the restarted server", () => signedUp.length >= signedBefore + 2 || undefined);
    expect(log).toMatch(/the server was killed \(SIGKILL\).*restarting/);

    writing = false;
    writer.kill("SIGKILL");
    await httpWrites;

    // Every acknowledged write is there.
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      const launches = await client.query(`SELECT id FROM launch WHERE id = ANY($1)`, [acked]);
      expect(launches.rowCount).toBe(new Set(acked).size);
      const users = await client.query(`SELECT email FROM "user" WHERE email = ANY($1)`, [signedUp]);
      expect(users.rowCount).toBe(signedUp.length);
    } finally {
      await client.end();
    }
    console.log(`crash test: ${acked.length} write-path commits and ${signedUp.length} sign-ups acknowledged, all present`);

    // And Ctrl-C still stops everything: exit 0, no Postgres left behind.
    start.kill("SIGTERM");
    expect(await startExit).toBe(0);
    const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
    const restarted = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
    expect(restarted && alive(restarted)).toBeFalsy();
  } finally {
    writing = false;
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
