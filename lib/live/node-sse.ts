import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SSE_HEADERS, authorizeStream } from "./authorize-stream";
import { createLaunchStream } from "./stream";

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
    await pipeStream(res, SSE_HEADERS, (signal) =>
      createLaunchStream({ launchId, userId: access.userId, isAdmin: access.isAdmin, role: access.role, after: access.after, signal }),
    );
  } catch (error) {
    failed(res, "stream", error);
  }
}

/** Streams `open(signal)` to `res` as SSE with backpressure; the stream is aborted when the client goes. */
export async function pipeStream(res: ServerResponse, headers: Record<string, string>, open: (signal: AbortSignal) => ReadableStream<Uint8Array>) {
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  res.writeHead(200, headers);
  res.flushHeaders();
  const reader = open(abort.signal).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((r) => res.once("drain", r));
  }
  res.end();
}

/** A feed that failed: a 500 before the headers went out, else the end of the response (the client retries). */
export function failed(res: ServerResponse, what: string, error: unknown) {
  console.error(`[live] ${what} failed`, error);
  if (!res.headersSent) res.writeHead(500).end("The live feed failed; the page will retry.");
  else res.end();
}
