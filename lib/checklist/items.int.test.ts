import { beforeAll, describe, expect, it } from "vitest";
import { changeItemStatusAction, updateEvidenceAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { setPredecessorsAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { itemState, linkPredecessor, seedItems, seedSection } from "./checklist-fixtures";
import type { ItemDTO } from "./dto";

let manager: TestUser;
let eli: TestUser;
let launchId: string;
let sectionId: string;

beforeAll(async () => {
  manager = await createUser();
  eli = await createUser({ name: "Eli Engineer" });
  launchId = (await createTestLaunch(manager, [[eli, "ENGINEER"]])).id;
  sectionId = (await seedSection(launchId)).id;
});

describe("optimistic concurrency", () => {
  it("refuses an update made on a stale version with a conflict carrying the current item", async () => {
    const [item] = await seedItems(launchId, sectionId, 1, { ownerId: eli.id, title: () => "Stale check" });
    actAs(eli);
    const first = await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "IN_PROGRESS" });
    expect(first).toMatchObject({ ok: true, data: { status: "IN_PROGRESS", version: 2 } });
    const eventsBefore = (await eventsOf(launchId)).length;

    actAs(manager);
    const stale = await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "DONE" });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.code).toBe("CONFLICT");
    expect(stale.error).toContain("Eli Engineer changed “Stale check”");
    expect(stale.current as ItemDTO).toMatchObject({ id: item.id, status: "IN_PROGRESS", version: 2, updatedByName: "Eli Engineer" });
    expect((await itemState(item.id)).status).toBe("IN_PROGRESS");
    expect((await eventsOf(launchId)).length).toBe(eventsBefore);
  });

  it("lets 20 concurrent ticks of different items all succeed, with one event each", async () => {
    const section = await seedSection(launchId, "Concurrent", 1);
    const items = await seedItems(launchId, section.id, 20, { ownerId: eli.id });
    actAs(eli);
    const results = await Promise.all(items.map((i) => changeItemStatusAction({ launchId, itemId: i.id, version: i.version, status: "DONE" })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const rows = await db.checklistItem.findMany({ where: { sectionId: section.id } });
    expect(rows.every((r) => r.status === "DONE" && r.version === 2)).toBe(true);
    const ticks = (await eventsOf(launchId)).filter(
      (e) => e.type === "item.status_changed" && items.some((i) => i.id === (e.payload as { itemId: string }).itemId),
    );
    expect(ticks).toHaveLength(20);
    expect(new Set(ticks.map((e) => (e.payload as { itemId: string }).itemId)).size).toBe(20);
  });

  it("lets exactly one of two concurrent writers on the same version win", async () => {
    const [item] = await seedItems(launchId, (await seedSection(launchId, "Race", 2)).id, 1, { ownerId: eli.id });
    actAs(eli);
    const results = await Promise.all([
      changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "IN_PROGRESS" }),
      changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "BLOCKED", reason: "Waiting for the vendor" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    expect((await itemState(item.id)).version).toBe(2);
  });
});

describe("gates", () => {
  it("needs a reason to block and a manager to waive a required item", async () => {
    const [item] = await seedItems(launchId, sectionId, 1, { ownerId: eli.id, title: () => "Gate check" });
    actAs(eli);
    expect(await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "BLOCKED", reason: " " })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { reason: [expect.stringContaining("Say what is blocking")] },
    });
    const waive = await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "NOT_APPLICABLE", reason: "No UI in this release" });
    expect(waive).toMatchObject({ ok: false, code: "VALIDATION", error: expect.stringContaining("only a manager can mark it not applicable") });
    expect((await itemState(item.id)).status).toBe("TODO");
    actAs(manager);
    expect(await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "NOT_APPLICABLE", reason: "No UI in this release" })).toMatchObject({
      ok: true,
      data: { status: "NOT_APPLICABLE", statusReason: "No UI in this release" },
    });
  });

  it("refuses DONE while a predecessor is open, naming it, and allows it once the predecessor is done", async () => {
    const [first, second] = await seedItems(launchId, (await seedSection(launchId, "Ordered", 3)).id, 2, {
      ownerId: eli.id,
      title: (i) => ["Back up the database", "Run the migration"][i],
    });
    await linkPredecessor(second.id, first.id);
    actAs(eli);
    const refused = await changeItemStatusAction({ launchId, itemId: second.id, version: 1, status: "DONE" });
    expect(refused).toMatchObject({ ok: false, error: "“Run the migration” can’t be done yet: “Back up the database” is not finished." });
    expect(await changeItemStatusAction({ launchId, itemId: first.id, version: 1, status: "DONE" })).toMatchObject({ ok: true });
    expect(await changeItemStatusAction({ launchId, itemId: second.id, version: 1, status: "DONE" })).toMatchObject({ ok: true });
  });

  it("requires evidence before a required-evidence item is done", async () => {
    const [item] = await seedItems(launchId, sectionId, 1, { ownerId: eli.id, requiresEvidence: true, title: () => "Load test" });
    actAs(eli);
    expect(await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "DONE" })).toMatchObject({
      ok: false,
      fieldErrors: { evidence: [expect.stringContaining("needs evidence")] },
    });
    const evidence = await updateEvidenceAction({ launchId, itemId: item.id, version: 1, evidenceNote: "p95 180 ms", evidenceLinks: ["https://grafana.example.com/d/1"] });
    expect(evidence).toMatchObject({ ok: true, data: { version: 2, evidenceLinks: ["https://grafana.example.com/d/1"] } });
    expect(await changeItemStatusAction({ launchId, itemId: item.id, version: 2, status: "DONE" })).toMatchObject({ ok: true, data: { status: "DONE" } });
    // The proof of a done gate cannot be removed afterwards.
    expect(await updateEvidenceAction({ launchId, itemId: item.id, version: 3, evidenceNote: "", evidenceLinks: [] })).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("refuses a predecessor that closes a cycle, naming the cycle, and writes nothing", async () => {
    const [a, b, c] = await seedItems(launchId, (await seedSection(launchId, "Cycle", 4)).id, 3, { title: (i) => ["Deploy", "Smoke test", "Announce"][i] });
    await linkPredecessor(b.id, a.id);
    await linkPredecessor(c.id, b.id);
    actAs(manager);
    const result = await setPredecessorsAction({ launchId, itemId: a.id, predecessorIds: [c.id] });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", error: expect.stringContaining("“Announce” → “Deploy” → “Smoke test” → “Announce”") });
    expect(await db.itemDependency.count({ where: { itemId: a.id } })).toBe(0);
    expect(await setPredecessorsAction({ launchId, itemId: c.id, predecessorIds: [a.id, b.id] })).toMatchObject({ ok: true, data: { predecessorIds: expect.arrayContaining([a.id, b.id]) } });
  });
});
