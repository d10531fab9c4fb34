// Starting and stopping the production server for benchmarks, signing in, and reading a process tree's
// memory and CPU from /proc (Linux). Shared by bench/live.ts, bench/live-browser.ts and bench/checklist-page.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync, readdirSync } from "node:fs";

export const SECRET = "bench-secret-bench-secret-bench-secret-01";
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type InstanceOptions = {
  port: number;
  databaseUrl: string;
  /** "serve": what `npm start` runs (scripts/serve.ts); "next": plain `next start`. */
  server?: "serve" | "next";
  /** Extra `--import` modules for the server process (bench/lib/server-probe.ts counts requests). */
  imports?: string[];
  /** Extra node flags for the server process, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]. */
  nodeArgs?: string[];
  env?: Record<string, string>;
};

export function startInstance({ port, databaseUrl, server = "serve", imports = [], nodeArgs = [], env = {} }: InstanceOptions): Promise<ChildProcess> {
  const args =
    server === "next"
      ? [...nodeArgs, ...imports.flatMap((m) => ["--import", m]), "node_modules/next/dist/bin/next", "start", "-p", String(port)]
      : [...nodeArgs, "--import", "tsx", "--import", "./scripts/server-only-hook.mjs", ...imports.flatMap((m) => ["--import", m]), "scripts/serve.ts"];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: `http://localhost:${port}`,
      AUTH_RATE_LIMIT_MAX: "100000",
      LIFTOFF_MAX_STREAMS_PER_USER: "100000",
      LIFTOFF_HEALTH_MEMORY: "1",
      NODE_OPTIONS: "--expose-gc",
      ...env,
    },
    stdio: process.env.DEBUG_LIVE ? ["ignore", openSync(`/tmp/inst-${port}.log`, "w"), "inherit"] : "ignore",
  });
  return (async () => {
    for (let i = 0; i < 480; i++) {
      if (child.exitCode !== null) throw new Error(`instance on ${port} exited (${child.exitCode}); is the port taken? Built (see the bench's header)?`);
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
      } catch {}
      await sleep(250);
    }
    child.kill("SIGTERM");
    throw new Error(`instance on ${port} did not start`);
  })();
}

export async function stopInstance(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 5000);
  await new Promise((r) => child.once("exit", r));
  clearTimeout(t);
}

export async function signIn(port: number, email: string, password: string) {
  const res = await fetch(`http://localhost:${port}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** A process and its descendants (Linux /proc). */
function processTree(rootPid: number) {
  const parents = new Map<number, number>();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** Resident memory of a process and its descendants, in MB. */
export function treeRssMb(rootPid: number) {
  let kb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process and its descendants have used so far, in ms. */
export function treeCpuMs(rootPid: number) {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {}
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The 1-minute load average, for the record beside each figure (the machine may be shared). */
export function loadAverage() {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
}

/** What bench/lib/server-probe.ts counted in the server process so far: requests by method and route. */
export async function readRequestCounts(port: number): Promise<Record<string, number>> {
  return (await fetch(`http://localhost:${port}/__bench/requests`)).json();
}
