import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SSE_HEADERS } from "@/lib/live/authorize-stream";
import { toHeaders } from "@/lib/live/node-sse";
import { authorizeShareStream, createShareStream } from "./stream-access";

/** A share link's live feed on a bare Node response (scripts/serve.ts), like serveLaunchEvents. */
export async function serveShareEvents(req: IncomingMessage, res: ServerResponse, token: string, url: URL) {
  try {
    const access = await authorizeShareStream(toHeaders(req), token, url.searchParams.get("after"));
    if (!access.ok) {
      res.writeHead(access.status, { "Content-Type": "text/plain; charset=utf-8" }).end(access.message);
      return;
    }
    const abort = new AbortController();
    res.once("close", () => abort.abort());
    res.writeHead(200, { ...SSE_HEADERS, "Referrer-Policy": "no-referrer" });
    res.flushHeaders();
    const reader = createShareStream(access.link, access.after, abort.signal).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  } catch (error) {
    console.error("[live] share stream failed", error);
    if (!res.headersSent) res.writeHead(500).end("The live feed failed; the page will retry.");
    else res.end();
  }
}
