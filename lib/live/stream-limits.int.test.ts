import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/launches/[launchId]/events/route";
import { db } from "@/lib/db/client";
import { runLaunchCommand } from "@/lib/server/command";
import { createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { changeIds, readSse, type SseMessage, until } from "@/lib/test/sse";
import { MAX_STREAMS_PER_USER } from "./listener";
import { REPLAY_MAX } from "./stream";

// Issue 10, "200 streams from one viewer, ?after=0": a per-user cap on open feeds (429 beyond it, other
// users unaffected), and a bounded replay (beyond REPLAY_MAX missed events the client is told to resync once).

function open(launchId: string, user: TestUser, query = "") {
  const abort = new AbortController();
  const request = new Request(`http://localhost:3000/api/launches/${launchId}/events${query}`, { headers: { cookie: user.cookie }, signal: abort.signal });
  return { response: GET(request, { params: Promise.resolve({ launchId }) }), abort };
}
/** Opens a stream and waits for its hello (sent once it is subscribed, so it counts towards the cap). */
async function openReady(launchId: string, user: TestUser, query = "") {
  const s = open(launchId, user, query);
  const response = await s.response;
  expect(response.status).toBe(200);
  const got = readSse(response.body!);
  expect(await until(() => got.some((m) => m.event === "hello"))).toBe(true);
  return { ...s, got };
}

describe("live stream limits", () => {
  it(`refuses a user's feed beyond ${MAX_STREAMS_PER_USER} with 429, leaves other users alone, and frees a place when one closes`, async () => {
    const viewer = await createUser();
    const other = await createUser();
    const manager = await createUser();
    const launch = await createTestLaunch(manager, [
      [viewer, "VIEWER"],
      [other, "VIEWER"],
    ]);
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) streams.push(await openReady(launch.id, viewer));
    const refused = await open(launch.id, viewer, "?after=0").response;
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Too many open live feeds/);
    const others = await openReady(launch.id, other);
    streams[0].abort.abort();
    // The closed feed leaves the listener when its stream is cancelled; from then on a new one is accepted.
    let reopened = 0;
    for (let i = 0; i < 200 && reopened !== 200; i++) {
      const attempt = open(launch.id, viewer);
      reopened = (await attempt.response).status;
      attempt.abort.abort();
      if (reopened !== 200) await new Promise((r) => setTimeout(r, 25));
    }
    expect(reopened).toBe(200);
    for (const s of [...streams, others]) s.abort.abort();
  }, 120_000);

  it(`replays up to ${REPLAY_MAX} missed events; beyond that sends one resync with the newest cursor, and no replay`, async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const before = await db.event.findFirstOrThrow({ where: { launchId: launch.id }, orderBy: { id: "desc" }, select: { id: true } });
    await runLaunchCommand(manager.actor, launch.id, "launch.edit", async ({ emit }) => {
      for (let n = 0; n <= REPLAY_MAX; n++) emit({ type: "launch.updated", payload: { n } });
    });
    const newest = await db.event.findFirstOrThrow({ where: { launchId: launch.id }, orderBy: { id: "desc" }, select: { id: true } });

    // REPLAY_MAX + 1 missed: told to resync, once, from the newest event on.
    const far = await openReady(launch.id, manager, `?after=${before.id}`);
    expect(await until(() => far.got.some((m) => m.event === "resync"))).toBe(true);
    const resyncs = far.got.filter((m: SseMessage) => m.event === "resync");
    expect(resyncs).toHaveLength(1);
    expect(JSON.parse(resyncs[0].data).cursor).toBe(String(newest.id));
    expect(changeIds(far.got)).toEqual([]);

    // Exactly REPLAY_MAX missed: replayed, every one of them.
    const firstMissed = await db.event.findMany({ where: { launchId: launch.id }, orderBy: { id: "desc" }, skip: REPLAY_MAX, take: 1, select: { id: true } });
    const near = await openReady(launch.id, manager, `?after=${firstMissed[0].id}`);
    expect(await until(() => changeIds(near.got).includes(String(newest.id)))).toBe(true);
    expect(changeIds(near.got)).toHaveLength(REPLAY_MAX);
    expect(near.got.some((m) => m.event === "resync")).toBe(false);
    far.abort.abort();
    near.abort.abort();
  });
});
