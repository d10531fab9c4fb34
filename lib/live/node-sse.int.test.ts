import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLaunchCommand } from "@/lib/server/command";
import { createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { changeIds, readSse, until } from "@/lib/test/sse";
import { listener } from "./listener";
import { MAX_BUFFERED_BYTES, serveFeed, serveLaunchEvents } from "./node-sse";
import { maxEventId } from "./events";
import { openLaunchFeed } from "./stream";

// The feed as scripts/serve.ts serves it in production: written straight to the Node response, no web
// stream in between. It delivers, it leaves the listener when the client goes, and a client that stops
// reading is cut off once it is MAX_BUFFERED_BYTES behind instead of holding the instance's memory.

let server: Server;
let base: string;
let manager: TestUser;
let launch: { id: string };
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const launchId = url.pathname.split("/")[3];
    void serveLaunchEvents(req, res, launchId, url);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  manager = await createUser();
  launch = await createTestLaunch(manager);
});
afterAll(() => new Promise((r) => server.close(r)));

describe("the bare Node feed", () => {
  it("delivers a change, and leaves the listener when the client goes", async () => {
    const before = listener().streamCountOf(manager.id);
    const abort = new AbortController();
    const after = await maxEventId(launch.id);
    const response = await fetch(`${base}/api/launches/${launch.id}/events?after=${after}`, { headers: { cookie: manager.cookie }, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const got = readSse(response.body!);
    expect(await until(() => got.some((m) => m.event === "hello"))).toBe(true);
    expect(listener().streamCountOf(manager.id)).toBe(before + 1);

    await runLaunchCommand(manager.actor, launch.id, "launch.edit", async ({ emit }) => emit({ type: "launch.updated", payload: { name: "Renamed" } }));
    const newest = String(await maxEventId(launch.id));
    expect(await until(() => changeIds(got).includes(newest))).toBe(true);

    abort.abort();
    expect(await until(() => listener().streamCountOf(manager.id) === before)).toBe(true);
  });

  it(`ends the feed of a client more than ${MAX_BUFFERED_BYTES / 1024 / 1024} MB behind, and leaves the listener`, async () => {
    const before = listener().streamCountOf(manager.id);
    // A response whose socket stopped draining: what was written stays buffered.
    let buffered = 0;
    let ended = false;
    const res = {
      destroyed: false,
      get writableEnded() {
        return ended;
      },
      get writableLength() {
        return buffered;
      },
      once: () => res,
      writeHead: () => res,
      flushHeaders: () => {},
      write: (bytes: Uint8Array) => {
        buffered += bytes.length;
        return false;
      },
      end: () => {
        ended = true;
      },
    };
    const after = await maxEventId(launch.id);
    serveFeed(res as unknown as ServerResponse, {}, (signal, sink) => openLaunchFeed({ launchId: launch.id, userId: manager.id, isAdmin: false, role: "MANAGER", after, signal }, sink));
    expect(await until(() => listener().streamCountOf(manager.id) === before + 1 || ended)).toBe(true);
    expect(ended).toBe(false); // the hello fitted

    buffered = MAX_BUFFERED_BYTES + 1;
    await runLaunchCommand(manager.actor, launch.id, "launch.edit", async ({ emit }) => emit({ type: "launch.updated", payload: { name: "Again" } }));
    expect(await until(() => ended)).toBe(true);
    expect(await until(() => listener().streamCountOf(manager.id) === before)).toBe(true);
  });
});
