// The server behind `npm start` and `npm run dev` (`--dev`: Next in development mode, with hot reload, behind
// the same edge, so dev answers hostile requests as production does): Next's request handler for everything, except the live feed
// (GET /api/launches/:id/events), which a bare Node handler streams before Next's pipeline so an idle
// stream costs a few KB instead of Next's per-request state (docs/decisions/0004-live-path.md).
// Every request first passes the edge (scripts/lib/http-edge.ts): malformed targets, oversized bodies and
// forged origins get a prompt 4xx there, and the client address for throttling is taken from the socket.
//   node --import tsx --import ./scripts/server-only-hook.mjs scripts/serve.ts [--dev]
import http from "node:http";
import next from "next";
import { parseTrustedProxies } from "../lib/auth/client-ip";
import { applyServerTimeouts, createEdgeHandler } from "./lib/http-edge";
import { listenAddresses, listenHost } from "./lib/exposure";

// Last resort only: every known path answers or fails inside its own try. Logged, and the server stays up,
// so that no request, whatever it carries, can take the instance down.
process.on("uncaughtException", (error) => console.error("[serve] uncaught exception", error));
process.on("unhandledRejection", (reason) => console.error("[serve] unhandled rejection", reason));

const port = Number(process.env.PORT ?? 3000);
// Local by default (the demo's accounts are printed on the sign-in page); HOST=0.0.0.0 to serve a network.
const host = listenHost(process.env.HOST);
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
const dev = process.argv.includes("--dev");
// In dev, Next compiles on demand (Turbopack, as `next dev` does) and serves hot reload over this same
// server's WebSocket upgrades; the edge passes them through untouched.
const app = next({ dev, port, hostname: host, ...(dev ? { turbopack: true } : {}) });
await app.prepare();
const handle = app.getRequestHandler();
const { serveLaunchEvents } = await import("../lib/live/node-sse");
const { serveShareEvents } = await import("../lib/share/node-sse");
// Durable jobs (mail, webhooks): every instance works the queues; pg-boss hands each job to one of them.
const { startServerWorkers } = await import("../lib/jobs/workers");
const stopWorkers = await startServerWorkers(process.env.DATABASE_URL ?? "");

const edge = createEdgeHandler({ handle, serveFeed: serveLaunchEvents, serveShareFeed: serveShareEvents, trustedProxies, publicOrigin: process.env.BETTER_AUTH_URL });

// "localhost" is both loopbacks (clients resolve it to either); anything else is listened on as given.
const addresses = listenAddresses(host);
const servers = await Promise.all(
  addresses.map(
    (address, i) =>
      new Promise<http.Server | null>((resolve, reject) => {
        const server = http.createServer(edge);
        applyServerTimeouts(server);
        server.once("error", (error: NodeJS.ErrnoException) => {
          // A machine without IPv6 loopback still serves on 127.0.0.1.
          if (i > 0 && (error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT")) resolve(null);
          else reject(error);
        });
        server.listen(port, address, () => resolve(server));
      }),
  ),
);
console.log(`▲ Liftoff ready on http://${host.includes(":") ? `[${host}]` : host}:${port}`);

// The listener ends open streams on SIGTERM/SIGINT (lib/live/listener.ts); then stop accepting and leave.
const stop = () => {
  let open = servers.filter(Boolean).length;
  const leave = () => void stopWorkers().finally(() => process.exit(0));
  for (const server of servers) server?.close(() => --open === 0 && leave());
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
