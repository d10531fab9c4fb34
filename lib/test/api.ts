import { readdirSync } from "node:fs";
import path from "node:path";
import type { ApiScope } from "@/lib/api-tokens/api-token.schema";
import { createApiToken } from "@/lib/api-tokens/tokens";
import { db } from "@/lib/db/client";
import type { TestUser } from "./fixtures";

/** A real token made by the real command; `expired` back-dates it, `revoked` revokes it. */
export async function createTestToken(user: TestUser, launchIds: string[], scopes: ApiScope[], opts: { expired?: boolean; revoked?: boolean } = {}) {
  const { id, token } = await createApiToken(user.actor, { name: `Test ${scopes.join("+")}`, launchIds, scopes, expiresInDays: 30 });
  if (opts.expired) await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  if (opts.revoked) await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  return { id, token };
}

export type V1Route = { file: string; path: string; methods: string[]; params: string[] };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route file under app/api/v1, with its OpenAPI path (/launches/{launchId}) and exported methods. */
export async function v1Routes(dir = path.join(process.cwd(), "app", "api", "v1")): Promise<V1Route[]> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name === "route.ts") files.push(path.join(d, e.name));
    }
  };
  walk(dir);
  const out: V1Route[] = [];
  for (const file of files.sort()) {
    const rel = path.relative(dir, path.dirname(file)).split(path.sep).filter(Boolean);
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    out.push({
      file: path.relative(process.cwd(), file),
      path: "/" + rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/"),
      methods: METHODS.filter((m) => typeof mod[m] === "function"),
      params: rel.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1)),
    });
  }
  return out;
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a v1 route handler in-process, as Next would. */
export async function callV1(route: V1Route, method: string, params: Record<string, string>, init: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; query?: string } = {}) {
  const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), route.file))) as Record<string, Handler>;
  const urlPath = route.path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(params[n] ?? "x"));
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.rawBody !== undefined || init.body !== undefined) {
    body = init.rawBody ?? JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const request = new Request(`http://localhost:3000/api/v1${urlPath}${init.query ? `?${init.query}` : ""}`, { method, headers, body });
  const response = await mod[method](request, { params: Promise.resolve(params) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json: json as Record<string, unknown> & unknown[], text };
}
