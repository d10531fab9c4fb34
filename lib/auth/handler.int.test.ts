import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT, handleAuthRequest } from "@/lib/auth/handler";
import { db } from "@/lib/db/client";
import { uid } from "@/lib/test/fixtures";

// The auth endpoint's own guards (the HTTP edge adds a Content-Length check in front under `npm start`;
// these hold without it, e.g. under `next dev`).
const url = "http://localhost:3000/api/auth/sign-in/email";

/** A body of `size` bytes that is produced only as it is pulled, counting what was pulled. */
function meteredBody(size: number) {
  const chunk = new Uint8Array(64 * 1024).fill(32);
  const meter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (meter.pulled >= size) return controller.close();
      meter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, meter };
}

describe("/api/auth body limit", () => {
  it("refuses a 20 MB body announced by Content-Length with a JSON 413, reading none of it", async () => {
    const { stream, meter } = meteredBody(20 * 1024 * 1024);
    const response = await handleAuthRequest(
      new Request(url, { method: "POST", headers: { "content-type": "application/json", "content-length": String(20 * 1024 * 1024) }, body: stream, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: "BODY_TOO_LARGE", message: "Request body too large (max 16 KB)." });
    expect(meter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading an unannounced 20 MB body as soon as it passes 16 KB; memory does not grow with it", async () => {
    const before = process.memoryUsage().rss;
    const { stream, meter } = meteredBody(20 * 1024 * 1024);
    const response = await handleAuthRequest(
      new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(meter.pulled).toBeLessThanOrEqual(AUTH_BODY_LIMIT + 2 * 64 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024);
  });

  it("still signs up with an ordinary body", async () => {
    const email = `body-${uid()}@test.liftoff`;
    const response = await handleAuthRequest(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-liftoff-client-ip": "198.19.0.1" },
        body: JSON.stringify({ email, password: "a-long-password", name: "Body Test" }),
      }),
    );
    expect(response.status).toBe(200);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("/api/auth origins", () => {
  it.each(["null", "not a url", "file:///etc/passwd"])("answers Origin %j with 403, not 500, and signs nobody up", async (origin) => {
    const email = `origin-${uid()}@test.liftoff`;
    const response = await handleAuthRequest(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin, "x-liftoff-client-ip": "198.19.0.2" },
        body: JSON.stringify({ email, password: "a-long-password", name: "Origin Test" }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("answers a foreign origin on sign-in with 403 (better-auth's own check, no longer able to throw)", async () => {
    const response = await handleAuthRequest(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example", cookie: "x=1", "x-liftoff-client-ip": "198.19.0.3" },
        body: JSON.stringify({ email: `o-${uid()}@test.liftoff`, password: "whatever-123" }),
      }),
    );
    expect(response.status).toBe(403);
  });
});
