import "server-only";
import { toFailure } from "@/lib/actions/action";

// RFC 9457 problem details: every error of /api/v1 is application/problem+json with a stable `type`
// per kind, a human `title`, the specific `detail`, and for validation the failing fields.

export const PROBLEM_BASE = "https://liftoff.dev/problems/";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Record<string, string[]>;
  current?: unknown;
};

const KINDS: Record<string, { status: number; title: string }> = {
  UNAUTHENTICATED: { status: 401, title: "Unauthenticated" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not found" },
  CONFLICT: { status: 409, title: "Conflict" },
  VALIDATION: { status: 422, title: "Invalid request" },
  BAD_REQUEST: { status: 400, title: "Bad request" },
  TOO_LARGE: { status: 413, title: "Request body too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported media type" },
  IDEMPOTENCY_MISMATCH: { status: 422, title: "Idempotency key reused" },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: "Idempotent request in progress" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method not allowed" },
  TIMEOUT: { status: 503, title: "Timed out" },
  INTERNAL: { status: 500, title: "Internal error" },
};

export type ProblemCode = keyof typeof KINDS;

export function problem(code: ProblemCode | string, detail: string, extra: { errors?: Record<string, string[]>; current?: unknown; headers?: Record<string, string> } = {}) {
  const kind = KINDS[code] ?? KINDS.INTERNAL;
  const body: Problem = {
    type: `${PROBLEM_BASE}${code.toLowerCase().replace(/_/g, "-")}`,
    title: kind.title,
    status: kind.status,
    detail,
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.current !== undefined ? { current: extra.current } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: kind.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...extra.headers },
  });
}

/** A thrown error as a problem, with the messages server actions show (lib/actions/action.ts). */
export function problemFromError(operationId: string, error: unknown): Response {
  const failure = toFailure(`api ${operationId}`, error);
  if (failure.ok) return problem("INTERNAL", "Something went wrong on our side. Nothing was saved; try again.");
  return problem(failure.code, failure.error, { errors: failure.fieldErrors, current: failure.current });
}
