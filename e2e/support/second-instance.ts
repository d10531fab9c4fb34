import { spawn, type ChildProcess } from "node:child_process";

/** Another `next start` of the same build against the same Postgres: a second app instance (`env`: settings of its own). */
export class SecondInstance {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get url() {
    return `http://localhost:${this.port}`;
  }

  async start() {
    this.child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/serve.ts"], {
      env: { ...process.env, PORT: String(this.port), NODE_ENV: "production", BETTER_AUTH_URL: this.url, AUTH_RATE_LIMIT_MAX: "10000", ...this.env },
      stdio: "ignore",
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`second instance on ${this.port} did not start`);
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await new Promise((r) => child.once("exit", r));
    clearTimeout(killer);
    this.child = null;
  }
}
