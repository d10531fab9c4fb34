import { describe, expect, it } from "vitest";
import { removeMemberAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { GET } from "@/app/api/launches/[launchId]/events/route";
import { db } from "@/lib/db/client";
import { runLaunchCommand } from "@/lib/server/command";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { changeIds, readSse, type SseMessage, until } from "@/lib/test/sse";

function open(launchId: string, user: TestUser | null, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const request = new Request(`http://localhost:3000/api/launches/${launchId}/events`, {
    headers: { ...(user ? { cookie: user.cookie } : {}), ...headers },
    signal: abort.signal,
  });
  return { response: GET(request, { params: Promise.resolve({ launchId }) }), abort };
}


/** Waits until the stream has replayed every event the launch had when it opened (sent at the replay's end). */
async function replayDone(got: SseMessage[], launchId: string) {
  const newest = await db.event.findFirstOrThrow({ where: { launchId }, orderBy: { id: "desc" }, select: { id: true } });
  expect(await until(() => changeIds(got).includes(String(newest.id)))).toBe(true);
}

const change = (user: TestUser, launchId: string, n: number) =>
  runLaunchCommand(user.actor, launchId, "launch.edit", async ({ emit }) => emit({ type: "launch.updated", payload: { n } }));

describe("GET /api/launches/:id/events", () => {
  it("gives no stream to signed-out users, non-members and members of another launch", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const stranger = await createUser();
    await createTestLaunch(stranger);
    expect((await open(launch.id, null).response).status).toBe(401);
    expect((await open(launch.id, stranger).response).status).toBe(404);
    expect((await open("no-such-launch", manager).response).status).toBe(404);
  });

  it("streams committed events with their ids, unbuffered, and replays from Last-Event-ID", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const first = open(launch.id, manager);
    const response = await first.response;
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const got = readSse(response.body!);
    // The replay of what happened before is sent at its end: once it is in, the commit below can only
    // arrive through the NOTIFY.
    await replayDone(got, launch.id);
    const { eventIds } = await change(manager, launch.id, 1);
    expect(await until(() => got.some((m) => m.id === eventIds[0]))).toBe(true);
    first.abort.abort();

    // Two changes while "offline"; a reconnect with Last-Event-ID gets exactly those.
    const missed = [...(await change(manager, launch.id, 2)).eventIds, ...(await change(manager, launch.id, 3)).eventIds];
    const again = open(launch.id, manager, { "last-event-id": eventIds[0] });
    const replayed = readSse((await again.response).body!);
    expect(await until(() => changeIds(replayed).length >= missed.length)).toBe(true);
    await new Promise((r) => setTimeout(r, 200)); // nothing more (no duplicate) follows
    expect(changeIds(replayed)).toEqual(missed);
    again.abort.abort();
  });

  it("delivers an event committed after the stream's replay through NOTIFY alone", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const [older] = (await change(manager, launch.id, 0)).eventIds;
    const [marker] = (await change(manager, launch.id, 1)).eventIds;
    // Resuming after `older`: the replay carries exactly `marker`, and sends it when the replay is over.
    const stream = open(launch.id, manager, { "last-event-id": older });
    const got = readSse((await stream.response).body!);
    expect(await until(() => changeIds(got).includes(marker))).toBe(true);

    const committed = [...(await change(manager, launch.id, 2)).eventIds, ...(await change(manager, launch.id, 3)).eventIds];
    expect(await until(() => changeIds(got).length >= 3)).toBe(true);
    expect(changeIds(got)).toEqual([marker, ...committed]);
    stream.abort.abort();
  });

  it("cuts off a member as soon as they are removed", async () => {
    const manager = await createUser();
    const engineer = await createUser();
    const launch = await createTestLaunch(manager, [[engineer, "ENGINEER"]]);
    const stream = open(launch.id, engineer);
    const got = readSse((await stream.response).body!);
    await until(() => got.some((m) => m.event === "hello"));
    const member = await db.member.findFirstOrThrow({ where: { launchId: launch.id, userId: engineer.id } });
    actAs(manager);
    expect((await removeMemberAction({ launchId: launch.id, memberId: member.id })).ok).toBe(true);
    expect(await until(() => got.some((m) => m.event === "revoked"))).toBe(true);
    // A new connection is refused.
    expect((await open(launch.id, engineer).response).status).toBe(404);
  });

  it("tells each viewer who else is watching", async () => {
    const manager = await createUser({ name: "Watcher One" });
    const viewer = await createUser({ name: "Watcher Two" });
    const launch = await createTestLaunch(manager, [[viewer, "VIEWER"]]);
    const a = open(launch.id, manager);
    const gotA = readSse((await a.response).body!);
    const b = open(launch.id, viewer);
    await b.response;
    const presence = () => gotA.filter((m) => m.event === "presence").map((m) => JSON.parse(m.data).userIds as string[]);
    expect(await until(() => presence().some((ids) => ids.includes(viewer.id) && ids.includes(manager.id)))).toBe(true);
    b.abort.abort();
    expect(await until(() => presence().at(-1)?.join() === manager.id)).toBe(true);
    a.abort.abort();
  });
});
