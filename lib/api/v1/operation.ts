import "server-only";
import type { z } from "zod";
import { validationError } from "@/lib/actions/action";
import { SCOPE_LABEL, type ApiScope } from "@/lib/api-tokens/api-token.schema";
import { authenticateApiToken, type ApiPrincipal } from "@/lib/api-tokens/tokens";
import type { Actor } from "@/lib/domain/roles";
import { readJsonBody } from "./body";
import { claimIdempotencyKey, requestHash, settleIdempotencyKey, validIdempotencyKey } from "./idempotency";
import { problem, problemFromError } from "./problem";

// One operation of /api/v1: its route, scope and zod schemas (the OpenAPI document is generated from
// these same objects, lib/api/v1/openapi.ts), and what it runs: the domain's reads and commands, as
// the actor the token stands for. Route files only export `handle(operation)`.

type AnyObject = z.ZodObject<z.ZodRawShape>;

export type Operation<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> = {
  id: string;
  method: "GET" | "POST";
  /** OpenAPI path under /api/v1, e.g. "/launches/{launchId}". */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  params: P;
  query?: Q;
  body?: B;
  response: { status: 200 | 201; description: string; schema?: z.ZodType };
  run: (ctx: { actor: Actor; principal: ApiPrincipal; params: z.output<P>; query: z.output<Q>; body: z.output<B> }) => Promise<unknown>;
};

export const defineOperation = <P extends AnyObject, Q extends AnyObject, B extends z.ZodType>(op: Operation<P, Q, B>) => op as unknown as Operation;

const NOT_FOUND = "Launch not found, or you are not a member of it.";

const json = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export function handle(op: Operation) {
  return async (request: Request, ctx: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const auth = await authenticateApiToken(request.headers.get("authorization"));
      if (!auth.ok) {
        if (auth.reason === "rate") {
          return problem("RATE_LIMITED", `This token made too many requests; try again in ${auth.retryAfterSeconds} s.`, { headers: { "Retry-After": String(auth.retryAfterSeconds) } });
        }
        const detail = auth.reason === "missing" ? "Send an API token: Authorization: Bearer lft_…" : "The API token is unknown, revoked or expired.";
        return problem("UNAUTHENTICATED", detail, { headers: { "WWW-Authenticate": 'Bearer realm="liftoff"' } });
      }
      const { principal } = auth;
      if (!principal.scopes.includes(op.scope)) {
        return problem("FORBIDDEN", `This token's scopes do not include “${op.scope}” (${SCOPE_LABEL[op.scope].toLowerCase()}).`);
      }
      const params = op.params.safeParse(await ctx.params);
      if (!params.success) return problem("NOT_FOUND", NOT_FOUND);
      const launchId = (params.data as { launchId?: string }).launchId;
      // Launches outside the token answer exactly like launches its owner cannot see.
      if (launchId !== undefined && !principal.launchIds.has(launchId)) return problem("NOT_FOUND", NOT_FOUND);
      const url = new URL(request.url);
      const query = (op.query ?? null)?.safeParse(Object.fromEntries(url.searchParams));
      if (query && !query.success) {
        const e = validationError(query.error);
        return problem("VALIDATION", e.message, { errors: e.fieldErrors });
      }
      const base = { actor: principal.actor, principal, params: params.data, query: query?.data ?? {} };
      if (!op.body) return json(op.response.status, JSON.stringify(await op.run({ ...base, body: undefined })));

      const read = await readJsonBody(request);
      if (!read.ok) return problem(read.code, read.detail);
      const body = op.body.safeParse(read.json);
      if (!body.success) {
        const e = validationError(body.error);
        return problem("VALIDATION", e.message, { errors: e.fieldErrors });
      }
      const key = request.headers.get("idempotency-key");
      if (key === null) return json(op.response.status, JSON.stringify(await op.run({ ...base, body: body.data })));
      if (!validIdempotencyKey(key)) return problem("BAD_REQUEST", "Idempotency-Key must be 1 to 200 visible ASCII characters.");
      const claim = await claimIdempotencyKey(principal.tokenId, key, requestHash(op.method, url.pathname, read.text));
      if (claim.kind === "replay") return json(claim.status, claim.body, { "Idempotent-Replayed": "true" });
      if (claim.kind === "mismatch") return problem("IDEMPOTENCY_MISMATCH", "This Idempotency-Key was used for a different request; use a new key.");
      if (claim.kind === "in-progress") return problem("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running; retry shortly.", { headers: { "Retry-After": "1" } });
      let response: Response;
      try {
        response = json(op.response.status, JSON.stringify(await op.run({ ...base, body: body.data })));
      } catch (error) {
        response = problemFromError(op.id, error);
      }
      const text = await response.clone().text();
      await settleIdempotencyKey(principal.tokenId, key, response.status, text);
      return response;
    } catch (error) {
      return problemFromError(op.id, error);
    }
  };
}
