// The production server behind `npm start`: Next's request handler for everything, except the live feed
// (GET /api/launches/:id/events), which a bare Node handler streams before Next's pipeline so an idle
// stream costs a few KB instead of Next's per-request state (docs/decisions/0004-live-path.md).
//   node --import tsx --import ./scripts/server-only-hook.mjs scripts/serve.ts
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port });
await app.prepare();
const handle = app.getRequestHandler();
const { serveLaunchEvents } = await import("../lib/live/node-sse");
const FEED = /^\/api\/launches\/([^/]+)\/events$/;

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const feed = req.method === "GET" ? FEED.exec(url.pathname) : null;
  if (feed) return void serveLaunchEvents(req, res, decodeURIComponent(feed[1]), url);
  void handle(req, res);
});
server.listen(port, () => console.log(`▲ Liftoff ready on http://localhost:${port}`));

// The listener ends open streams on SIGTERM/SIGINT (lib/live/listener.ts); then stop accepting and leave.
const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
