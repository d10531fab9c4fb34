import { openApiDocument } from "@/lib/api/v1/openapi";

// Public like any API reference: it describes the routes, not any data.
export function GET() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
