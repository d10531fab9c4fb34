import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SSE_HEADERS, authorizeStream } from "./authorize-stream";
import { openLaunchFeed, type FeedSink } from "./stream";

export function toHeaders(req: IncomingMessage) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * The launch feed on a bare Node response: the same authorization and stream as the route handler, without
 * the per-request state Next keeps alive for as long as a response streams (~70 KB each, measured).
 */
export async function serveLaunchEvents(req: IncomingMessage, res: ServerResponse, launchId: string, url: URL) {
  try {
    const access = await authorizeStream(toHeaders(req), launchId, url.searchParams.get("after"));
    if (!access.ok) {
      res.writeHead(access.status, { "Content-Type": "text/plain; charset=utf-8" }).end(access.message);
      return;
    }
    serveFeed(res, SSE_HEADERS, (signal, sink) =>
      openLaunchFeed({ launchId, userId: access.userId, isAdmin: access.isAdmin, role: access.role, after: access.after, signal }, sink),
    );
  } catch (error) {
    failed(res, "stream", error);
  }
}

/**
 * What a client may fall behind by before its feed is ended (it reconnects from its Last-Event-ID and is
 * replayed what it missed): a stalled connection does not hold the instance's memory.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * Writes a feed straight to `res` as SSE (no web stream in between: idle streams cost less memory); the feed
 * is ended when the client goes, or when it falls MAX_BUFFERED_BYTES behind.
 */
export function serveFeed(res: ServerResponse, headers: Record<string, string>, open: (signal: AbortSignal, sink: FeedSink) => void) {
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  res.writeHead(200, headers);
  res.flushHeaders();
  open(abort.signal, {
    write: (bytes) => {
      if (res.destroyed || res.writableEnded || res.writableLength > MAX_BUFFERED_BYTES) return false;
      res.write(bytes);
      return true;
    },
    end: () => {
      if (!res.writableEnded) res.end();
    },
  });
}

/** A feed that failed: a 500 before the headers went out, else the end of the response (the client retries). */
export function failed(res: ServerResponse, what: string, error: unknown) {
  console.error(`[live] ${what} failed`, error);
  if (!res.headersSent) res.writeHead(500).end("The live feed failed; the page will retry.");
  else res.end();
}
