// Floors of this machine, measured in the same run as what they are compared with: a bare pg NOTIFY round
// trip, a bare Node SSE hop (in-process), and the floor server process (bench/lib/floor-server.ts: pg LISTEN
// + node:http SSE) with a bare pg writer that commits a row and notifies its id.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import pg from "pg";
import { sleep } from "./instance";
import { SseClient, summarize } from "./sse-client";

export async function notifyFloor(url: string, samples = 300) {
  const listener = new pg.Client({ connectionString: url });
  const sender = new pg.Client({ connectionString: url });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query("LISTEN bench_floor");
  const sent = new Map<string, number>();
  const lat: number[] = [];
  listener.on("notification", (n) => lat.push(performance.now() - sent.get(n.payload!)!));
  for (let i = 0; i < samples; i++) {
    sent.set(String(i), performance.now());
    await sender.query("SELECT pg_notify('bench_floor', $1)", [String(i)]);
    await sleep(2);
  }
  await sleep(200);
  await Promise.all([listener.end(), sender.end()]);
  return summarize(lat);
}

export async function sseFloor(clients: number, rate: number, messages = 100) {
  const res: http.ServerResponse[] = [];
  const server = http.createServer((_req, r) => {
    r.writeHead(200, { "content-type": "text/event-stream" });
    r.write("event: hello\ndata: {}\n\n");
    res.push(r);
  });
  await new Promise<void>((r) => server.listen(0, r));
  const port = (server.address() as { port: number }).port;
  const sentAt = new Map<string, number>();
  const lat: number[] = [];
  const cs = Array.from({ length: clients }, () => new SseClient(`http://localhost:${port}/`, {}, (id, event, _d, at) => event === "change" && lat.push(at - sentAt.get(id)!)));
  for (const c of cs) await c.open();
  for (let i = 0; i < messages; i++) {
    sentAt.set(String(i), performance.now());
    for (const r of res) r.write(`id: ${i}\nevent: change\ndata: {}\n\n`);
    await sleep(1000 / rate);
  }
  await sleep(300);
  cs.forEach((c) => c.close());
  server.closeAllConnections();
  server.close();
  return summarize(lat);
}

/** The floor server process on `port`, and a bare pg writer whose `commit()` resolves with the row's id. */
export async function startFloor(port: number, databaseUrl: string) {
  const writer = new pg.Client({ connectionString: databaseUrl });
  await writer.connect();
  await writer.query("CREATE TABLE IF NOT EXISTS bench_floor_row (id bigserial PRIMARY KEY, n int NOT NULL)");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/lib/floor-server.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
    stdio: "ignore",
  });
  for (let i = 0; ; i++) {
    if (i > 200 || child.exitCode !== null) throw new Error("the floor server did not start");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {}
    await sleep(100);
  }
  return {
    child,
    url: `http://127.0.0.1:${port}/`,
    async commit(n: number) {
      await writer.query("BEGIN");
      const { rows } = await writer.query<{ id: string }>("INSERT INTO bench_floor_row (n) VALUES ($1) RETURNING id", [n]);
      await writer.query("SELECT pg_notify('bench_floor_live', $1)", [rows[0].id]);
      await writer.query("COMMIT");
      return rows[0].id;
    },
    async streams() {
      return ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { streams: number }).streams;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      await writer.end();
    },
  };
}
