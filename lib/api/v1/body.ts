import "server-only";

// Bodies are read up to a bound, whatever Content-Length claims (it may be absent or lie).
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; code: "TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "BAD_REQUEST"; detail: string };

export async function readJsonBody(request: Request, max = MAX_BODY_BYTES): Promise<BodyRead & { json?: unknown }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    return { ok: false, code: "UNSUPPORTED_MEDIA_TYPE", detail: "Send the body as JSON with Content-Type: application/json." };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) return { ok: false, code: "TOO_LARGE", detail: `The body may be at most ${max} bytes.` };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        return { ok: false, code: "TOO_LARGE", detail: `The body may be at most ${max} bytes.` };
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: "BAD_REQUEST", detail: "The body is not valid UTF-8." };
  }
  try {
    return { ok: true, text, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: "BAD_REQUEST", detail: "The body is not valid JSON." };
  }
}
