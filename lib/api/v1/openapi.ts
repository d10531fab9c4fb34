import "server-only";
import { z } from "zod";
import { API_SCOPES, SCOPE_LABEL } from "@/lib/api-tokens/api-token.schema";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api-tokens/tokens";
import { MAX_BODY_BYTES } from "./body";
import type { Operation } from "./operation";
import { operations } from "./operations";

// The OpenAPI 3.1 document, generated from the operations' own zod schemas (zod 4's JSON Schema output
// is draft 2020-12, the dialect OpenAPI 3.1 uses), so the document cannot drift from what is validated.

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const problemSchema = z.object({
  type: z.string().describe("A URI naming the kind of problem"),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().describe("What happened and what to do, for a person"),
  errors: z.record(z.string(), z.array(z.string())).optional().describe("Messages per invalid field"),
  current: z.unknown().optional().describe("On a conflict: the current state that won"),
});

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function parameters(op: Operation) {
  const out: Record<string, unknown>[] = [];
  for (const [name, schema] of Object.entries(op.params.shape)) out.push({ name, in: "path", required: true, schema: jsonSchema(schema as z.ZodType) });
  for (const [name, schema] of Object.entries(op.query?.shape ?? {})) {
    const s = schema as z.ZodType;
    out.push({ name, in: "query", required: !s.safeParse(undefined).success, schema: jsonSchema(s), ...(s.description ? { description: s.description } : {}) });
  }
  if (op.body) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Makes a retried write one change: a repeat with the same key and body gets the first answer (kept 24 h, per token).",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    });
  }
  return out;
}

function operationObject(op: Operation) {
  const errors: Record<string, unknown> = {
    "401": problemResponse("No token, or an unknown, revoked or expired one"),
    "403": problemResponse("The token's scopes or its owner's role do not allow this"),
    "404": problemResponse("Not found, or outside the token's launches"),
    "422": problemResponse("Invalid input; `errors` names the fields"),
    "429": problemResponse(`More than ${API_RATE_LIMIT_PER_MINUTE} requests in a minute with this token; see Retry-After`),
  };
  if (op.body) {
    errors["400"] = problemResponse("Malformed JSON or Idempotency-Key");
    errors["409"] = problemResponse("The item changed since the version sent, or the same Idempotency-Key is in flight");
    errors["413"] = problemResponse(`Body over ${MAX_BODY_BYTES} bytes`);
    errors["415"] = problemResponse("Body not sent as application/json");
  }
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: [{ bearerToken: [] }],
    "x-liftoff-scope": op.scope,
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    responses: {
      [String(op.response.status)]: {
        description: op.response.description,
        content: { "application/json": { schema: op.response.schema ? jsonSchema(op.response.schema) : { type: "object" } } },
      },
      ...errors,
    },
  };
}

export const OPENAPI_PATH = "/openapi.json";

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {
    [OPENAPI_PATH]: {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        tags: ["Meta"],
        security: [],
        responses: { "200": { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  };
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Liftoff API",
      version: "1.0.0",
      description:
        "Read launches and tick checklist items from scripts and pipelines. Authenticate with a personal API token " +
        "(Settings → API tokens) as `Authorization: Bearer lft_…`. A token acts as its owner, only on its launches and " +
        `only for its scopes: ${API_SCOPES.map((s) => `\`${s}\` (${SCOPE_LABEL[s].toLowerCase()})`).join(", ")}. ` +
        "Errors are RFC 9457 problem details (application/problem+json).",
    },
    servers: [{ url: "/api/v1" }],
    paths,
    components: {
      securitySchemes: { bearerToken: { type: "http", scheme: "bearer", description: "A personal API token, lft_…" } },
      schemas: { Problem: jsonSchema(problemSchema) },
    },
  };
}
