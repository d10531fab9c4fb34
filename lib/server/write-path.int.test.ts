import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { EVENTS_CHANNEL, runLaunchCommand } from "./command";

let listener: pg.Client;
const notifications: string[] = [];
let manager: TestUser;
let viewer: TestUser;
let launchId: string;

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => notifications.push(n.payload ?? ""));
  await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  manager = await createUser();
  viewer = await createUser();
  launchId = (await createTestLaunch(manager, [[viewer, "VIEWER"]])).id;
});
afterAll(() => listener.end());

const waitFor = async (pred: () => boolean) => {
  for (let i = 0; i < 250 && !pred(); i++) await new Promise((r) => setTimeout(r, 20));
};
/** Notifications for this launch after a given event id: setup's own notifies may arrive late, and other files share the channel. */
const notifiedAfter = (afterId: number) =>
  notifications.filter((n) => {
    const [id, eventId] = n.split(":");
    return id === launchId && Number(eventId) > afterId;
  });
const lastEventId = async () => Number((await eventsOf(launchId)).at(-1)?.id ?? 0);

describe("the one write path", () => {
  it("writes the change, its event and a notify naming the launch and last event id, all at commit", async () => {
    const before = await lastEventId();
    const { eventIds } = await runLaunchCommand(manager.actor, launchId, "launch.edit", async ({ tx, emit }) => {
      await tx.launch.update({ where: { id: launchId }, data: { description: "changed" } });
      emit({ type: "launch.updated", payload: { fields: ["description"] } });
      emit({ type: "launch.updated", payload: { fields: ["nothing"] } });
    });
    expect(eventIds).toHaveLength(2);
    await waitFor(() => notifiedAfter(before).length > 0);
    // One notify per transaction, ids only.
    expect(notifiedAfter(before)).toEqual([`${launchId}:${eventIds[1]}`]);
    const events = await eventsOf(launchId);
    expect(events.at(-1)).toMatchObject({ type: "launch.updated", actorId: manager.id });
  });

  it("writes nothing and notifies nothing when the command fails", async () => {
    const before = await lastEventId();
    const eventsBefore = (await eventsOf(launchId)).length;
    await expect(
      runLaunchCommand(manager.actor, launchId, "launch.edit", async ({ tx, emit }) => {
        await tx.launch.update({ where: { id: launchId }, data: { description: "should roll back" } });
        emit({ type: "launch.updated" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await new Promise((r) => setTimeout(r, 200));
    expect(notifiedAfter(before)).toEqual([]);
    expect((await eventsOf(launchId)).length).toBe(eventsBefore);
    expect((await db.launch.findUniqueOrThrow({ where: { id: launchId } })).description).toBe("changed");
  });

  it("authorizes against the role read inside the transaction", async () => {
    const outsider = await createUser();
    await expect(runLaunchCommand(viewer.actor, launchId, "launch.edit", async () => {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runLaunchCommand(outsider.actor, launchId, "launch.view", async () => {})).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the event table is append-only", () => {
  it("rejects UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const [event] = await eventsOf(launchId);
    await expect(db.$executeRaw`UPDATE "event" SET type = 'forged' WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "event" WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "event" CASCADE`)).rejects.toThrow(/append-only/);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).type).toBe(event.type);
  });
});
