// The floor a live server is compared with, as its own process so its CPU and memory can be read like
// Liftoff's: bare pg LISTEN + node:http SSE, nothing else. Each notification (the id of a committed row)
// is written as one SSE message to every open stream.
//   PORT=3480 DATABASE_URL=… node --import tsx bench/lib/floor-server.ts
import http from "node:http";
import pg from "pg";

const port = Number(process.env.PORT);
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
await listener.connect();
await listener.query("LISTEN bench_floor_live");
const streams = new Set<http.ServerResponse>();
listener.on("notification", (n) => {
  const message = `id: ${n.payload}\nevent: change\ndata: {"events":[{"id":"${n.payload}"}]}\n\n`;
  for (const res of streams) res.write(message);
});
const server = http.createServer((req, res) => {
  if (req.url === "/health") return void res.end(JSON.stringify({ streams: streams.size }));
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
  res.write("event: hello\ndata: {}\n\n");
  streams.add(res);
  res.once("close", () => streams.delete(res));
});
server.listen(port, "127.0.0.1", () => console.log(`floor ready on ${port}`));
process.once("SIGTERM", () => process.exit(0));
