import "server-only";
import { env } from "@/lib/env";
import { getAuth } from "./auth";
import { BodyTooLargeError, readBodyLimited } from "./request-body";
import { reserveSignInAttempt, settleSignInAttempt } from "./throttle";

// /api/auth/*: better-auth behind three guards of our own. Bodies are read with a 16 KB streaming limit
// (a sign-in is a few hundred bytes; 20 MB is never buffered). `Origin: null` and malformed origins are
// refused with 403. Email sign-in passes the per-account backoff (lib/auth/throttle.ts) before the
// password is checked; better-auth's per-address limit, keyed by the socket address, runs inside.

export const AUTH_BODY_LIMIT = 16 * 1024;

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** An Origin that is `null`, malformed, or another site's: sign-in, sign-up and sign-out are same-origin only. */
function badOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (origin === null) return false; // not a browser's cross-site request; nothing to forge
  let host: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return true;
    host = url.host;
  } catch {
    return true;
  }
  const allowed = [request.headers.get("host"), new URL(request.url).host, publicHost()];
  return !allowed.includes(host);
}

function publicHost() {
  try {
    return new URL(env().BETTER_AUTH_URL ?? "").host;
  } catch {
    return null;
  }
}

function emailOf(body: Uint8Array): string | null {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(body));
    const email = (parsed as { email?: unknown } | null)?.email;
    return typeof email === "string" && email.length > 0 && email.length <= 320 ? email : null;
  } catch {
    return null;
  }
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  if (request.method === "GET" || request.method === "HEAD") return getAuth().handler(request);
  if (badOrigin(request)) return json(403, { code: "INVALID_ORIGIN", message: "Cross-origin request refused." });
  let body: Uint8Array;
  try {
    body = await readBodyLimited(request, AUTH_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { code: "BODY_TOO_LARGE", message: error.message }, { Connection: "close" });
    throw error;
  }
  const forward = new Request(request.url, { method: request.method, headers: request.headers, body: body as BodyInit, signal: request.signal });
  const signIn = new URL(request.url).pathname.endsWith("/sign-in/email");
  const email = signIn ? emailOf(body) : null;
  if (!email) return getAuth().handler(forward);

  const reservation = await reserveSignInAttempt(email);
  if (!reservation.allowed) {
    const wait = reservation.retryAfterSeconds;
    return json(
      429,
      { code: "ACCOUNT_LOCKED", message: `Too many failed sign-ins for this account. Try again in ${wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.` },
      { "Retry-After": String(wait) },
    );
  }
  const response = await getAuth().handler(forward);
  // 401: the password was checked and was wrong (counted already); 200: cleared; anything else never got to the password.
  await settleSignInAttempt(email, response.ok ? "success" : response.status === 401 ? "failure" : "not-checked");
  return response;
}
