// Loaded into the server process by benchmarks only (`--import ./bench/lib/server-probe.ts`): counts every
// request the server is asked to handle, by method and route (ids folded), so a benchmark can say from the
// server's side how many requests the watching pages made per change. GET /__bench/requests answers the
// counts (and is not counted itself, nor are /api/health checks).
import http from "node:http";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const counts = new Map<string, number>();
const route = (path: string) => path.replace(/\/c[a-z0-9]{20,}|\/[0-9a-f-]{36}/gi, "/:id");

const original = http.createServer;
(http as { createServer: unknown }).createServer = function createServer(...args: unknown[]) {
  const i = args.findIndex((a) => typeof a === "function");
  if (i >= 0) {
    const handler = args[i] as Handler;
    args[i] = ((req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/__bench/requests") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(Object.fromEntries(counts)));
        return;
      }
      if (path !== "/api/health") {
        const key = `${req.method} ${route(path)}${req.headers["next-action"] ? " (action)" : req.headers.rsc ? " (rsc)" : ""}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      handler(req, res);
    }) satisfies Handler;
  }
  return (original as (...a: unknown[]) => http.Server)(...args);
};

