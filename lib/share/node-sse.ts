import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SSE_HEADERS } from "@/lib/live/authorize-stream";
import { failed, serveFeed, toHeaders } from "@/lib/live/node-sse";
import { openLaunchFeed } from "@/lib/live/stream";
import { authorizeShareStream, shareFeedOptions } from "./stream-access";

/** A share link's live feed on a bare Node response (scripts/serve.ts), like serveLaunchEvents. */
export async function serveShareEvents(req: IncomingMessage, res: ServerResponse, token: string, url: URL) {
  try {
    const access = await authorizeShareStream(toHeaders(req), token, url.searchParams.get("after"));
    if (!access.ok) {
      res.writeHead(access.status, { "Content-Type": "text/plain; charset=utf-8" }).end(access.message);
      return;
    }
    serveFeed(res, { ...SSE_HEADERS, "Referrer-Policy": "no-referrer" }, (signal, sink) => openLaunchFeed(shareFeedOptions(access.link, access.after, signal), sink));
  } catch (error) {
    failed(res, "share stream", error);
  }
}
