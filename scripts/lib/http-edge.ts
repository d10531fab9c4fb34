// The HTTP edge of scripts/serve.ts: what every request passes before Next (or the live feed) sees it.
// Every request gets a prompt answer: a target that is not a path, bad percent-encoding, an oversized or
// unannounced body, a forged Origin on a server action are refused here with a 4xx, before any parsing
// that could throw; the client address for throttling comes from the socket (lib/auth/client-ip.ts).
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp, type TrustedProxies } from "../../lib/auth/client-ip";

export const LIMITS = {
  /** Sign-in and sign-up JSON: a few hundred bytes in practice. */
  auth: 16 * 1024,
  /** Server actions: the CSV import accepts files up to 2 MB; next.config.js bodySizeLimit is "3mb". */
  action: 3 * 1024 * 1024,
  /** Anything else (route handlers here read no body). */
  other: 64 * 1024,
} as const;

/** Node's own guards, sized for this app (serve.ts applies them; the values are documented in the README). */
export const SERVER_TIMEOUTS = {
  // A client has this long to send its headers (slow-loris), and the whole request incl. a 3 MB upload.
  headersTimeout: 15_000,
  requestTimeout: 60_000,
  // Idle keep-alive connections are closed after this; streams are not idle (heartbeats) and not requests in flight.
  keepAliveTimeout: 10_000,
} as const;

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;
type FeedHandler = (req: IncomingMessage, res: ServerResponse, launchId: string, url: URL) => unknown;

export type EdgeOptions = {
  handle: Handler;
  serveFeed: FeedHandler;
  /** A share link's feed (GET /api/share/:token/events): authorized by its token, no session. */
  serveShareFeed?: FeedHandler;
  trustedProxies: TrustedProxies;
  /** Extra origins allowed to post server actions (BETTER_AUTH_URL's), besides the request's own host. */
  publicOrigin?: string;
};

const FEED = /^\/api\/launches\/([^/]+)\/events$/;
const SHARE_FEED = /^\/api\/share\/([A-Za-z0-9_-]{1,100})\/events$/;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function refuse(res: ServerResponse, status: number, error: string, close = false) {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    // The body we refuse to read is not drained: the connection ends with the answer.
    ...(close ? { Connection: "close" } : {}),
  });
  res.end(body);
}

/** Which limit applies: auth endpoints, server actions (a `Next-Action` header or a form POST to a page), or the rest. */
export function bodyLimitFor(req: IncomingMessage, pathname: string): { limit: number; kind: keyof typeof LIMITS } {
  if (pathname.startsWith("/api/auth/")) return { limit: LIMITS.auth, kind: "auth" };
  if (req.headers["next-action"] !== undefined || !pathname.startsWith("/api/")) return { limit: LIMITS.action, kind: "action" };
  return { limit: LIMITS.other, kind: "other" };
}

/** `null` and malformed origins, and origins other than this host's, may not run server actions or sign in. */
export function originAllowed(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // non-browser clients; better-auth and Next check what they need
  if (typeof origin !== "string" || origin === "null") return false;
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    host = url.host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  if (!publicOrigin) return false;
  try {
    return new URL(publicOrigin).host === host;
  } catch {
    return false;
  }
}

export function createEdgeHandler(opts: EdgeOptions) {
  return function edge(req: IncomingMessage, res: ServerResponse) {
    try {
      const target = req.url ?? "/";
      // Origin-form targets only ("/path?query"); "//host", "*" and absolute URLs are not for us.
      if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
        return refuse(res, 400, "Bad request target.", true);
      }
      let url: URL;
      let pathname: string;
      try {
        url = new URL(target, "http://localhost");
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return refuse(res, 400, "Malformed URL (bad percent-encoding).", true);
      }
      if (pathname.includes("\0")) return refuse(res, 400, "Malformed URL.", true);

      // The throttling address is ours to say: whatever a client sent under this name is replaced.
      req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], opts.trustedProxies);

      const method = req.method ?? "GET";
      if (BODY_METHODS.has(method)) {
        const { limit, kind } = bodyLimitFor(req, url.pathname);
        const declared = req.headers["content-length"];
        if (declared === undefined && req.headers["transfer-encoding"] !== undefined) {
          return refuse(res, 411, "A request body must announce its Content-Length.", true);
        }
        if (declared !== undefined && Number(declared) > limit) {
          const max = kind === "action" ? "3 MB" : `${limit / 1024} KB`;
          return refuse(res, 413, `Request body too large (max ${max}).`, true);
        }
        if ((kind === "action" && method === "POST") || kind === "auth") {
          if (!originAllowed(req, opts.publicOrigin)) return refuse(res, 403, "Cross-origin request refused.");
        }
      }

      const feed = method === "GET" ? FEED.exec(url.pathname) : null;
      if (feed) {
        let launchId: string;
        try {
          launchId = decodeURIComponent(feed[1]);
        } catch {
          return refuse(res, 400, "Malformed launch id.");
        }
        return void settle(opts.serveFeed(req, res, launchId, url), res);
      }
      const shareFeed = method === "GET" && opts.serveShareFeed ? SHARE_FEED.exec(url.pathname) : null;
      if (shareFeed) return void settle(opts.serveShareFeed!(req, res, shareFeed[1], url), res);
      settle(opts.handle(req, res), res);
    } catch (error) {
      // Nothing above should throw; if it does, the visitor still gets an answer and the process lives on.
      console.error("[edge] request failed", error);
      refuse(res, 500, "Something went wrong.", true);
    }
  };
}

/** A rejected handler promise answers 500 instead of becoming an unhandled rejection with a held socket. */
function settle(result: unknown, res: ServerResponse) {
  if (result && typeof (result as Promise<unknown>).catch === "function") {
    (result as Promise<unknown>).catch((error) => {
      console.error("[edge] handler failed", error);
      refuse(res, 500, "Something went wrong.", true);
    });
  }
}

export function applyServerTimeouts(server: Server) {
  server.headersTimeout = SERVER_TIMEOUTS.headersTimeout;
  server.requestTimeout = SERVER_TIMEOUTS.requestTimeout;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeout;
  // Malformed request lines and oversized headers: Node's parser answers 400/431; never leave the socket open.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}
