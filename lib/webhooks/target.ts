import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import { blockedAddressReason } from "./address";

// Where a webhook may go (SSRF): http(s) only, and, unless the instance allows private targets
// (LIFTOFF_WEBHOOKS_ALLOW_PRIVATE=1), only to public addresses. Checked when an endpoint is saved and
// again at every delivery; a delivery resolves the name once and connects to that very address, so a
// DNS answer that changes between the check and the connection (rebinding) does not help.

export class TargetRefused extends Error {
  /** A name that did not resolve may resolve later; a private address stays private. */
  constructor(message: string, readonly retryable = false) {
    super(message);
  }
}

// Read at each use (lib/env.ts validates it at start), so a test can switch it.
export const allowPrivateTargets = () => (process.env.LIFTOFF_WEBHOOKS_ALLOW_PRIVATE ?? env().LIFTOFF_WEBHOOKS_ALLOW_PRIVATE) === "1";

export type ResolvedTarget = { url: URL; address: string; family: 4 | 6 };

type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Resolves and checks `raw`; throws TargetRefused with a reason a manager can act on. */
export async function resolveTarget(raw: string, opts: { allowPrivate?: boolean; resolver?: Resolver } = {}): Promise<ResolvedTarget> {
  const allowPrivate = opts.allowPrivate ?? allowPrivateTargets();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused("The URL is not valid.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TargetRefused("Only http and https URLs can receive webhooks.");
  if (url.username || url.password) throw new TargetRefused("The URL must not contain a user name or password.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let candidates: { address: string; family: number }[];
  if (isIP(host)) candidates = [{ address: host, family: isIP(host) }];
  else {
    try {
      candidates = await (opts.resolver ?? systemResolver)(host);
    } catch {
      throw new TargetRefused(`${host} could not be resolved.`, true);
    }
    if (candidates.length === 0) throw new TargetRefused(`${host} could not be resolved.`, true);
  }
  if (!allowPrivate) {
    // Every answer must be public: otherwise a name with one public and one private address could be
    // steered to the private one.
    for (const c of candidates) {
      const reason = blockedAddressReason(c.address);
      if (reason) throw new TargetRefused(`Webhooks cannot be sent to private or internal addresses (${host} → ${c.address}).`);
    }
  }
  const first = candidates[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export type PostResult = { status: number | null; ms: number; retryAfter: string | null; error: string | null };

export const DELIVERY_TIMEOUT_MS = 10_000;
/** Bytes of a response read (and discarded) before the connection is closed. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs `body` to the resolved target, connecting to its checked address; never throws. */
export function postTo(target: ResolvedTarget, headers: Record<string, string>, body: string, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The connection goes to the address checked above, whatever DNS answers now; TLS still verifies the
  // certificate against the URL's host name (SNI), so https keeps its guarantees.
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options && (options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<PostResult, "ms">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, ms: elapsed() });
    };
    const req = client.request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Liftoff-Webhooks/1" },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? null;
        const retryAfter = typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : null;
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) {
            res.destroy();
            done({ status, retryAfter, error: null });
          }
        });
        res.on("end", () => done({ status, retryAfter, error: null }));
        res.on("error", () => done({ status, retryAfter, error: null }));
        res.on("close", () => done({ status, retryAfter, error: null }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ status: null, retryAfter: null, error: `No answer within ${Math.round(timeoutMs / 1000)} s` });
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => done({ status: null, retryAfter: null, error: describeError(error) }));
    req.end(body);
  });
}

function describeError(error: NodeJS.ErrnoException): string {
  const text = error.code ? `${error.code}: ${error.message}` : error.message;
  return text.slice(0, 300);
}
