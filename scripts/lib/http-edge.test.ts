import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "../../lib/auth/client-ip";
import { applyServerTimeouts, createEdgeHandler, LIMITS } from "./http-edge";

// The edge in front of Next, on a real socket, with stand-ins for Next and the live feed that record what
// reached them. What matters: every request gets a prompt answer and no socket is held.
const reached: { path: string; bytes: number; ip?: string }[] = [];
let port = 0;
let server: http.Server;

beforeAll(async () => {
  const edge = createEdgeHandler({
    trustedProxies: parseTrustedProxies(undefined),
    publicOrigin: "https://liftoff.example.com",
    serveFeed: (_req, res, launchId) => void res.end(`feed:${launchId}`),
    serveShareFeed: (_req, res, token) => void res.end(`share:${token}`),
    handle: async (req, res) => {
      if (req.url === "/boom") throw new Error("handler failed");
      let bytes = 0;
      for await (const chunk of req) bytes += (chunk as Buffer).length;
      reached.push({ path: req.url!, bytes, ip: req.headers["x-liftoff-client-ip"] as string });
      res.end("ok");
    },
  });
  server = http.createServer(edge);
  applyServerTimeouts(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

/** Sends raw bytes and resolves with everything the server answered once it closes (or after 3 s). */
function raw(request: string | Buffer): Promise<{ text: string; closed: boolean; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, ms: Date.now() - started });
    }, 3_000);
    socket.on("data", (d) => (text += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ text, closed: true, ms: Date.now() - started });
    });
    socket.write(request);
  });
}

const status = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

describe("malformed requests get a prompt 4xx and the socket is released", () => {
  it.each([
    ["GET // HTTP/1.1", 400],
    ["GET //evil.example/x HTTP/1.1", 400],
    ["GET /api/launches/%/events HTTP/1.1", 400],
    ["GET /api/launches/%E0%A4%A/events HTTP/1.1", 400],
    ["GET /% HTTP/1.1", 400],
    ["GET /launches/%zz HTTP/1.1", 400],
    ["GET * HTTP/1.1", 400],
    ["GET http://evil.example/ HTTP/1.1", 400],
    ["GET /%00 HTTP/1.1", 400],
  ])("%s -> %i", async (line, expected) => {
    const answer = await raw(`${line}\r\nHost: localhost\r\n\r\n`);
    expect(status(answer.text)).toBe(expected);
    expect(answer.closed).toBe(true);
    expect(answer.ms).toBeLessThan(2_000);
  });

  it("answers absurd headers with 431 and a garbage request line with 400", async () => {
    const huge = await raw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`);
    expect(status(huge.text)).toBe(431);
    expect(huge.closed).toBe(true);
    const garbage = await raw("\u0001\u0002 nonsense\r\n\r\n");
    expect(status(garbage.text)).toBe(400);
    expect(garbage.closed).toBe(true);
  });

  it("holds no socket after 50 malformed requests at once", async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => raw("GET /api/launches/%/events HTTP/1.1\r\nHost: x\r\n\r\n")));
    expect(answers.every((a) => status(a.text) === 400 && a.closed)).toBe(true);
    const open = await new Promise<number>((r) => server.getConnections((_e, n) => r(n)));
    expect(open).toBe(0);
  });

  it("passes well-formed requests through, decoding the feed's launch id", async () => {
    expect((await raw("GET /api/launches/abc%2Dd/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).text).toMatch(/feed:abc-d$/);
    expect(status((await raw("GET /launches/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).text)).toBe(200);
  });

  it("hands a share link's feed to its own handler, and anything else under /api/share to Next", async () => {
    expect((await raw("GET /api/share/Tok_en-1/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).text).toMatch(/share:Tok_en-1$/);
    expect((await raw("GET /api/share/Tok_en-1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).text).toMatch(/ok$/);
  });

  it("answers 500 when the handler itself fails, instead of holding the socket", async () => {
    const answer = await raw("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(status(answer.text)).toBe(500);
    expect(answer.closed).toBe(true);
  });
});

describe("body limits, per endpoint", () => {
  /** Streams `size` bytes (one reused 64 KB chunk) with a declared Content-Length; never holds them in memory. */
  function post(path: string, size: number, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers: { "content-length": String(size), ...headers } });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
      const chunk = Buffer.alloc(64 * 1024, 120);
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
          sent += part.length;
          if (!req.write(part)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
  }

  it("refuses 20 MB on the sign-in endpoint by its Content-Length, with a JSON 413, reading none of it", async () => {
    const before = process.memoryUsage().rss;
    const answer = await post("/api/auth/sign-in/email", 20 * 1024 * 1024, { "content-type": "application/json" });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "Request body too large (max 16 KB)." });
    expect(reached.some((r) => r.path.startsWith("/api/auth"))).toBe(false);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("allows server actions up to 3 MB and refuses more", async () => {
    const ok = await post("/launches/upload", LIMITS.action, { "next-action": "abc", origin: "http://127.0.0.1:" + port, host: `127.0.0.1:${port}` });
    expect(ok.status).toBe(200);
    expect(reached.find((r) => r.path === "/launches/upload")?.bytes).toBe(LIMITS.action);
    const tooBig = await post("/launches/x", LIMITS.action + 1, { "next-action": "abc" });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain("max 3 MB");
  });

  it("refuses a body that does not announce its length", async () => {
    const answer = await raw("POST /api/auth/sign-in/email HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n");
    expect(status(answer.text)).toBe(411);
  });

  it("limits other endpoints to 64 KB", async () => {
    expect((await post("/api/health", 65 * 1024)).status).toBe(413);
  });
});

describe("origins and client address", () => {
  const send = (path: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": "text/plain", ...headers }, body: "x" });

  it.each(["null", "not a url", "file:///etc/passwd", "https://evil.example"])("refuses Origin %j on server actions and sign-in with 403", async (origin) => {
    expect((await send("/launches/x", { "next-action": "abc", origin })).status).toBe(403);
    expect((await send("/api/auth/sign-in/email", { origin })).status).toBe(403);
  });

  it("accepts the request's own origin and the public URL's", async () => {
    expect((await send("/launches/y", { "next-action": "abc", origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await send("/api/auth/sign-in/email", { origin: "https://liftoff.example.com" })).status).toBe(200);
  });

  it("replaces a client-sent address header and ignores X-Forwarded-For without trusted proxies", async () => {
    await send("/ip-check", { "x-liftoff-client-ip": "6.6.6.6", "x-forwarded-for": "7.7.7.7" });
    expect(reached.find((r) => r.path === "/ip-check")?.ip).toBe("127.0.0.1");
  });
});
