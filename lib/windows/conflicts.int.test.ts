import { describe, expect, it } from "vitest";
import { cancelWindowAction, moveWindowAction, scheduleWindowAction, transitionWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf } from "@/lib/test/fixtures";
import { createTestEnvironment, windowInput } from "./test-helpers";

// Every versioned window action: a first change made on version v wins; a second on the same v is a
// CONFLICT that writes nothing, leaves the first change intact and carries the winner's state.

async function proposedWindow() {
  const ann = await createUser({ name: "Ann Manager" });
  const bob = await createUser({ name: "Bob Manager" });
  const launch = await createTestLaunch(ann, [[bob, "MANAGER"]]);
  const env = await createTestEnvironment();
  actAs(ann);
  const created = await scheduleWindowAction(windowInput(launch.id, env.id, { status: "PROPOSED", notes: "as proposed" }));
  expect(created).toMatchObject({ ok: true, data: { version: 1 } });
  const id = (created as { data: { id: string } }).data.id;
  return { ann, bob, launchId: launch.id, env, id };
}

const row = (id: string) => db.deploymentWindow.findUniqueOrThrow({ where: { id } });

type Setup = Awaited<ReturnType<typeof proposedWindow>>;
const edit = (s: Setup, version: number, over: { notes: string; start?: string; end?: string }) =>
  moveWindowAction({ ...windowInput(s.launchId, s.env.id, { status: "PROPOSED", ...over }), windowId: s.id, version });

const cases: { name: string; first: (s: Setup) => Promise<unknown>; second: (s: Setup) => Promise<unknown>; current: Record<string, unknown> }[] = [
  {
    name: "moveWindowAction (edit notes and times)",
    first: (s) => edit(s, 1, { notes: "Ann moved it", start: "2031-06-08T01:00", end: "2031-06-08T03:00" }),
    second: (s) => edit(s, 1, { notes: "Bob's notes" }),
    current: { status: "PROPOSED", start: "2031-06-08T00:00:00.000Z", end: "2031-06-08T02:00:00.000Z" },
  },
  {
    name: "transitionWindowAction",
    first: (s) => transitionWindowAction({ launchId: s.launchId, windowId: s.id, version: 1, to: "SCHEDULED" }),
    second: (s) => transitionWindowAction({ launchId: s.launchId, windowId: s.id, version: 1, to: "CANCELLED" }),
    current: { status: "SCHEDULED" },
  },
  {
    name: "cancelWindowAction",
    first: (s) => edit(s, 1, { notes: "Ann's notes" }),
    second: (s) => cancelWindowAction({ launchId: s.launchId, windowId: s.id, version: 1, reason: "Not needed" }),
    current: { status: "PROPOSED" },
  },
];

describe("stale versions on deployment windows", () => {
  it.each(cases)("$name: the second change on the same version is a CONFLICT showing the first", async (c) => {
    const s = await proposedWindow();
    expect(await c.first(s)).toMatchObject({ ok: true, data: { version: 2 } });
    const afterFirst = await row(s.id);
    const events = (await eventsOf(s.launchId)).length;

    actAs(s.bob);
    expect(await c.second(s)).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringMatching(/^Ann Manager changed this window while you were editing it\. It is now /),
      current: { id: s.id, version: 2, updatedByName: "Ann Manager", ...c.current },
    });
    expect(await row(s.id)).toEqual(afterFirst);
    expect((await eventsOf(s.launchId)).length).toBe(events);
  });
});
