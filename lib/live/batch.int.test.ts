import { afterAll, describe, expect, it } from "vitest";
import { seedItems, seedSection } from "@/lib/checklist/checklist-fixtures";
import { changeItemStatus, updateEvidence } from "@/lib/checklist/status-commands";
import { db } from "@/lib/db/client";
import { changeMemberRole } from "@/lib/launches/commands";
import { countingStatements } from "@/lib/test/count-statements";
import { createTestLaunch, createUser } from "@/lib/test/fixtures";
import { changeMessages, closeLaunchStreams, openLaunchStream, until, type SseMessage } from "@/lib/test/sse";

// A batch carries the DTOs its events changed, read once per instance whatever the number of streams,
// and each viewer receives only what their role may see.

const count = countingStatements();

afterAll(closeLaunchStreams);
const settle = () => new Promise((r) => setTimeout(r, 400));
const lastChange = (got: SseMessage[]) => changeMessages(got).at(-1)!;

describe("live batches", () => {
  it("carry the changed item's DTO and the new readiness, and cost the same queries for 1 or 12 streams", async () => {
    const manager = await createUser();
    const engineer = await createUser();
    const launch = await createTestLaunch(manager, [[engineer, "ENGINEER"]]);
    const section = await seedSection(launch.id);
    const items = await seedItems(launch.id, section.id, 3, { ownerId: engineer.id });

    // One stream: count the statements from the command to every stream receiving its batch (after a
    // first change, which also reads what the instance keeps between batches: the launch's runbook).
    const first = await openLaunchStream(launch.id, manager);
    await settle();
    await changeItemStatus(engineer.actor, { launchId: launch.id, itemId: items[2].id, version: items[2].version, status: "DONE" });
    expect(await until(() => changeMessages(first).length === 1)).toBe(true);
    await settle();
    const { statements: withOne } = await count(async () => {
      await changeItemStatus(engineer.actor, { launchId: launch.id, itemId: items[0].id, version: items[0].version, status: "DONE" });
      expect(await until(() => changeMessages(first).length === 2)).toBe(true);
      await settle();
    });

    const batch = lastChange(first);
    expect(batch.events.map((e) => e.type)).toEqual(["item.status_changed"]);
    expect(batch.patch.items).toHaveLength(1);
    expect(batch.patch.items![0]).toMatchObject({ id: items[0].id, status: "DONE", version: items[0].version + 1 });
    // Readiness went whole with the instance's first batch; this one carries how it changed.
    expect(batch.patch.readiness).toBeUndefined();
    expect(batch.patch.readinessDelta?.totals?.requiredDone).toBe(2);
    expect(batch.patch.members).toBeUndefined();
    expect(batch.patch.groups).toBeUndefined();

    // Eleven more streams of the same launch: the same statements for the next change.
    const more = await Promise.all(Array.from({ length: 11 }, () => openLaunchStream(launch.id, engineer)));
    await settle();
    const { statements: withTwelve } = await count(async () => {
      await changeItemStatus(engineer.actor, { launchId: launch.id, itemId: items[1].id, version: items[1].version, status: "DONE" });
      expect(await until(() => [first, ...more].every((got) => changeMessages(got).some((c) => c.patch.items?.[0]?.id === items[1].id)))).toBe(true);
      await settle();
    });
    expect(withTwelve).toBe(withOne);
    // Every stream got the same bytes, once.
    const payloads = new Set([first, ...more].map((got) => got.filter((m) => m.event === "change").at(-1)!.data));
    expect(payloads.size).toBe(1);
  });

  it("sends readiness only when it changed", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const section = await seedSection(launch.id);
    const [item] = await seedItems(launch.id, section.id, 1, { required: false, ownerId: manager.id });
    const got = await openLaunchStream(launch.id, manager);
    // An optional item moving to in progress changes no gate (but this instance has sent no readiness yet).
    await changeItemStatus(manager.actor, { launchId: launch.id, itemId: item.id, version: item.version, status: "IN_PROGRESS" });
    expect(await until(() => changeMessages(got).length === 1)).toBe(true);
    // A note on it changes nothing readiness counts either.
    await updateEvidence(manager.actor, { launchId: launch.id, itemId: item.id, version: item.version + 1, evidenceNote: "Load test run 42", evidenceLinks: [] });
    expect(await until(() => changeMessages(got).length === 2)).toBe(true);
    const [a, b] = changeMessages(got);
    expect(a.patch.items![0].status).toBe("IN_PROGRESS");
    expect(b.patch.items![0].evidenceNote).toBe("Load test run 42");
    // The first batch of this instance carries readiness; the second, which changed nothing it counts, does not.
    expect(a.patch.readiness).toBeDefined();
    expect(b.patch.readiness).toBeUndefined();
    expect(b.patch.readinessDelta).toBeUndefined();
  });

  it("send a tick's readiness and overview as what changed: the ticked section, the owner's line, the open-items reason", async () => {
    const manager = await createUser();
    const [ana, ben] = [await createUser(), await createUser()];
    const launch = await createTestLaunch(manager, [[ana, "ENGINEER"], [ben, "ENGINEER"]]);
    const [tests, infra] = [await seedSection(launch.id, "Tests", 0), await seedSection(launch.id, "Infrastructure", 1)];
    const anaItems = await seedItems(launch.id, tests.id, 3, { ownerId: ana.id });
    await seedItems(launch.id, infra.id, 3, { ownerId: ben.id });
    const got = await openLaunchStream(launch.id, manager);
    await changeItemStatus(ana.actor, { launchId: launch.id, itemId: anaItems[0].id, version: anaItems[0].version, status: "DONE" });
    expect(await until(() => changeMessages(got).length === 1)).toBe(true);
    await changeItemStatus(ana.actor, { launchId: launch.id, itemId: anaItems[1].id, version: anaItems[1].version, status: "DONE" });
    expect(await until(() => changeMessages(got).length === 2)).toBe(true);
    const [first, tick] = changeMessages(got).map((m) => m.patch);
    expect(first.readiness?.checklist.sections).toHaveLength(2);
    expect(first.overview?.pending.map((p) => p.userId).sort()).toEqual([ana.id, ben.id].sort());

    const delta = tick.readinessDelta!;
    expect(delta.totals?.requiredDone).toBe(2);
    expect(delta.sections).toEqual({ set: [expect.objectContaining({ id: tests.id, done: 2 })] });
    expect(delta.reasons).toEqual({ set: [expect.objectContaining({ code: "OPEN_REQUIRED_ITEMS", message: expect.stringMatching(/^4 required items open/) })] });
    expect(delta.groups).toBeUndefined();
    expect(tick.overviewDelta).toEqual({ pending: { set: [expect.objectContaining({ userId: ana.id, what: ["1 required check open"] })] } });
    // No screen reads the ids behind a reason: the browser never gets them.
    expect(JSON.stringify([first, tick])).not.toContain(anaItems[2].id);
    expect(first.readiness!.reasons.every((r) => r.itemIds === undefined)).toBe(true);
  });

  it("gives a viewer the member list without email addresses, and managers with them", async () => {
    const manager = await createUser();
    const engineer = await createUser();
    const viewer = await createUser();
    const launch = await createTestLaunch(manager, [[engineer, "ENGINEER"], [viewer, "VIEWER"]]);
    const [toManager, toViewer] = [await openLaunchStream(launch.id, manager), await openLaunchStream(launch.id, viewer)];
    const member = await db.member.findFirstOrThrow({ where: { launchId: launch.id, userId: engineer.id } });
    await changeMemberRole(manager.actor, { launchId: launch.id, memberId: member.id, role: "APPROVER" });
    expect(await until(() => changeMessages(toManager).length === 1 && changeMessages(toViewer).length === 1)).toBe(true);
    const full = lastChange(toManager).patch;
    const restricted = lastChange(toViewer).patch;
    expect(full.members!.find((m) => m.userId === engineer.id)).toMatchObject({ role: "APPROVER", email: engineer.email });
    expect(restricted.members!.find((m) => m.userId === engineer.id)).toMatchObject({ role: "APPROVER", email: "" });
    expect(restricted.checklistMembers!.every((m) => m.email === "")).toBe(true);
    expect(JSON.stringify(restricted)).not.toContain(engineer.email);
    expect(JSON.stringify(restricted)).not.toContain(manager.email);
  });
});
