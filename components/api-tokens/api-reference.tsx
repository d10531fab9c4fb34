import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { openApiDocument } from "@/lib/api/v1/openapi";

// The OpenAPI document rendered as a plain page: no third-party viewer, no CDN assets.

type Doc = ReturnType<typeof openApiDocument>;
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: unknown };
type Op = {
  operationId: string; summary: string; description?: string; tags?: string[]; "x-liftoff-scope"?: string;
  parameters?: Param[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string }>;
};

const METHOD_TONE: Record<string, string> = {
  get: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-950/60 dark:text-sky-300",
  post: "bg-green-50 text-green-800 ring-green-600/25 dark:bg-green-950/60 dark:text-green-300",
};

const typeOf = (schema: unknown) => {
  const s = schema as { type?: string | string[]; pattern?: string; maximum?: number } | undefined;
  return Array.isArray(s?.type) ? s.type.join(" | ") : (s?.type ?? "any");
};

export function ApiReference({ document }: { document: Doc }) {
  const ops = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{document.info.title} {document.info.version}</h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
          Base URL <code>/api/v1</code>. Create a token under <Link href="/settings/tokens" className="font-medium text-accent-600 hover:underline dark:text-accent-400">API tokens</Link> and
          send it as <code>Authorization: Bearer lft_…</code>. Errors are problem details (RFC 9457). The machine-readable
          document: <a href="/api/v1/openapi.json" className="font-medium text-accent-600 hover:underline dark:text-accent-400">openapi.json</a>.
        </p>
      </div>
      <Card className="p-4 text-sm">
        <h2 className="font-semibold">Example: tick a check from CI</h2>
        <pre className="mt-2 overflow-x-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-950">{`curl -X POST "$LIFTOFF/api/v1/launches/$LAUNCH/items/$ITEM/status" \\
  -H "Authorization: Bearer $LIFTOFF_TOKEN" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: $CI_JOB_ID" \\
  -d '{"status":"DONE","evidenceLinks":["https://ci.example.com/run/42"]}'`}</pre>
      </Card>
      <nav aria-label="Operations" className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {ops.map(({ op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="text-accent-600 hover:underline dark:text-accent-400">{op.summary}</a>
            </li>
          ))}
        </ul>
      </nav>
      {ops.map(({ path, method, op }) => (
        <Card key={op.operationId} aria-labelledby={op.operationId} className="p-4 text-sm">
          <h2 id={op.operationId} className="flex flex-wrap items-center gap-2 font-semibold scroll-mt-20">
            <span className={`rounded px-1.5 py-0.5 font-mono text-xs uppercase ring-1 ring-inset ${METHOD_TONE[method] ?? ""}`}>{method}</span>
            <code className="break-all">{path}</code>
          </h2>
          <p className="mt-1 font-medium">{op.summary}</p>
          {op.description && <p className="mt-1 text-zinc-600 dark:text-zinc-400">{op.description}</p>}
          <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            {op["x-liftoff-scope"] ? <>Scope <code>{op["x-liftoff-scope"]}</code></> : "No token needed"}
          </p>
          {!!op.parameters?.length && (
            <dl className="mt-3 space-y-1">
              {op.parameters.map((p) => (
                <div key={`${p.in}:${p.name}`} className="flex flex-wrap gap-x-2">
                  <dt><code>{p.name}</code></dt>
                  <dd className="text-zinc-600 dark:text-zinc-400">
                    {p.in}, {typeOf(p.schema)}{p.required ? ", required" : ""}{p.description ? ` · ${p.description}` : ""}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          {op.requestBody && (
            <details className="mt-3">
              <summary className="cursor-pointer font-medium">Request body (JSON Schema)</summary>
              <pre className="mt-2 max-h-80 overflow-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-950">
                {JSON.stringify(op.requestBody.content["application/json"]?.schema, null, 2)}
              </pre>
            </details>
          )}
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
            {Object.entries(op.responses).map(([code, r]) => (
              <li key={code}><code className="font-semibold text-zinc-800 dark:text-zinc-200">{code}</code> {r.description}</li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
