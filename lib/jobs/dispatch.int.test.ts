import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runLaunchCommand } from "@/lib/server/command";
import { createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { startWorkers } from "./boss";
import { dispatcher, type DispatchedEvent } from "./dispatch";

let manager: TestUser;
let launchId: string;

beforeAll(async () => {
  manager = await createUser();
  launchId = (await createTestLaunch(manager)).id;
});

const dispatchJobs = () =>
  db.$queryRaw<{ data: { launchId: string; eventIds: string[] } }[]>`
    SELECT data FROM pgboss.job WHERE name = 'events.dispatch' AND data->>'launchId' = ${launchId} ORDER BY created_on`;

const edit = (description: string, fail = false) =>
  runLaunchCommand(manager.actor, launchId, "launch.edit", async ({ tx, emit }) => {
    await tx.launch.update({ where: { id: launchId }, data: { description } });
    emit({ type: "launch.updated", payload: { fields: ["description"] } });
    emit({ type: "launch.updated", payload: { fields: ["nothing"] } });
    if (fail) throw new Error("boom");
  });

describe("the outbox: reactions are durable jobs committed with their change", () => {
  it("enqueues one dispatch job per committed transaction, naming its events", async () => {
    const before = (await dispatchJobs()).length;
    const { eventIds } = await edit("first");
    const jobs = await dispatchJobs();
    expect(jobs).toHaveLength(before + 1);
    expect(jobs.at(-1)!.data.eventIds).toEqual(eventIds);
  });

  it("enqueues nothing when the transaction rolls back", async () => {
    const before = (await dispatchJobs()).length;
    await expect(edit("rolled back", true)).rejects.toThrow("boom");
    expect(await dispatchJobs()).toHaveLength(before);
  });

  it("hands each committed event to the reactors once, in order", async () => {
    // Every command of the other integration files enqueued a dispatch job that no worker consumed; they are
    // not this test's subject, and leaving them queued would put this launch's job behind the whole backlog.
    await db.$executeRaw`
      UPDATE pgboss.job SET state = 'completed', completed_on = now()
      WHERE name = 'events.dispatch' AND state IN ('created', 'retry') AND data->>'launchId' IS DISTINCT FROM ${launchId}`;
    const seen: DispatchedEvent[] = [];
    const stop = await startWorkers(process.env.DATABASE_URL!, {
      "events.dispatch": {
        handler: dispatcher([{ name: "test", react: async (events) => void seen.push(...events.filter((e) => e.launchId === launchId)) }]),
        batchSize: 100,
        pollingIntervalSeconds: 0.5,
      },
    });
    try {
      const { eventIds } = await edit("watched");
      for (let i = 0; i < 400 && !eventIds.every((id) => seen.some((e) => e.id === id)); i++) await new Promise((r) => setTimeout(r, 50));
      const mine = seen.filter((e) => eventIds.includes(e.id));
      expect(mine.map((e) => e.id)).toEqual(eventIds);
      expect(mine[0]).toMatchObject({ type: "launch.updated", actorId: manager.id, payload: { fields: ["description"] } });
    } finally {
      await stop();
    }
  });
});
