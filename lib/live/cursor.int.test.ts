import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/launches/[launchId]/events/route";
import { serveLaunchEvents } from "@/lib/live/node-sse";
import { createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";

// The feed's resume cursor is checked where the request is parsed, in both servers: a value beyond
// Postgres' bigint is a 400 with a message, never a stream that fails later on a bigint error.
function viaRoute(launchId: string, user: TestUser, headers: Record<string, string>, query = "") {
  const request = new Request(`http://localhost:3000/api/launches/${launchId}/events${query}`, { headers: { cookie: user.cookie, ...headers } });
  return GET(request, { params: Promise.resolve({ launchId }) });
}

/** The bare Node handler of scripts/serve.ts with a stand-in response that records the answer. */
async function viaNode(launchId: string, user: TestUser, headers: Record<string, string>, query = "") {
  const answer = { status: 0, body: "" };
  const req = { headers: { cookie: user.cookie, ...headers } } as unknown as IncomingMessage;
  const res = {
    headersSent: false,
    writeHead(status: number) {
      answer.status = status;
      return this;
    },
    end(body?: string) {
      answer.body = body ?? "";
    },
  } as unknown as ServerResponse;
  await serveLaunchEvents(req, res, launchId, new URL(`http://localhost/api/launches/${launchId}/events${query}`));
  return answer;
}

let manager: TestUser;
let launch: { id: string };
beforeAll(async () => {
  manager = await createUser();
  launch = await createTestLaunch(manager);
});

describe("event cursor validation", () => {
  it.each([
    [{ "last-event-id": "9999999999999999999" }, ""],
    [{ "last-event-id": "-1" }, ""],
    [{ "last-event-id": "12abc" }, ""],
    [{}, "?after=9223372036854775808"],
    [{}, "?after=1e9"],
    [{ "last-event-id": "5" }, "?after=oops"],
  ])("refuses %j %s with 400 and a message, in both servers", async (headers, query) => {
    const response = await viaRoute(launch.id, manager, headers, query);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^Invalid event cursor/);
    const node = await viaNode(launch.id, manager, headers, query);
    expect(node.status).toBe(400);
    expect(node.body).toMatch(/^Invalid event cursor/);
  });

  it("accepts the largest event id", async () => {
    const abort = new AbortController();
    const request = new Request(`http://localhost:3000/api/launches/${launch.id}/events?after=9223372036854775807`, {
      headers: { cookie: manager.cookie },
      signal: abort.signal,
    });
    const response = await GET(request, { params: Promise.resolve({ launchId: launch.id }) });
    expect(response.status).toBe(200);
    abort.abort();
    await response.body?.cancel().catch(() => {});
  });
});
