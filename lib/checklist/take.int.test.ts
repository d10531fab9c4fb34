import { beforeAll, describe, expect, it } from "vitest";
import { changeItemStatusAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { takeItemAction } from "@/app/(app)/launches/[launchId]/checklist/take-actions";
import { setEngineersTakeAction } from "@/app/(app)/launches/[launchId]/members/team-rules-actions";
import { db } from "@/lib/db/client";
import { loadMetaUnchecked } from "@/lib/launches/view";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { seedItems, seedSection } from "./checklist-fixtures";

let manager: TestUser, eli: TestUser, noor: TestUser, approver: TestUser, viewer: TestUser;
let launchId: string;
let sectionId: string;

beforeAll(async () => {
  [manager, eli, noor, approver, viewer] = await Promise.all(Array.from({ length: 5 }, () => createUser()));
  launchId = (await createTestLaunch(manager, [[eli, "ENGINEER"], [noor, "ENGINEER"], [approver, "APPROVER"], [viewer, "VIEWER"]])).id;
  sectionId = (await seedSection(launchId)).id;
});

const owner = async (id: string) => (await db.checklistItem.findUniqueOrThrow({ where: { id } })).ownerId;

describe("take it", () => {
  it("lets an engineer take an unassigned check, then tick it; audited as an assignment", async () => {
    const [item] = await seedItems(launchId, sectionId, 1);
    actAs(eli);
    const refused = await changeItemStatusAction({ launchId, itemId: item.id, version: 1, status: "DONE" });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const taken = await takeItemAction({ launchId, itemId: item.id, version: 1 });
    expect(taken).toMatchObject({ ok: true, data: { ownerId: eli.id, version: 2 } });
    const events = await eventsOf(launchId);
    expect(events.at(-1)).toMatchObject({ type: "item.assigned", payload: { itemId: item.id, ownerId: eli.id, taken: true } });
    expect(await changeItemStatusAction({ launchId, itemId: item.id, version: 2, status: "DONE" })).toMatchObject({ ok: true });
  });

  it("refuses a stale version and an item someone already took, writing nothing", async () => {
    const [item] = await seedItems(launchId, sectionId, 1);
    actAs(noor);
    expect(await takeItemAction({ launchId, itemId: item.id, version: 1 })).toMatchObject({ ok: true });
    actAs(eli);
    const lost = await takeItemAction({ launchId, itemId: item.id, version: 1 });
    expect(lost).toMatchObject({ ok: false, code: "CONFLICT", error: `${noor.name} already owns “${(await db.checklistItem.findUniqueOrThrow({ where: { id: item.id } })).title}”.` });
    expect(await owner(item.id)).toBe(noor.id);
  });

  it("refuses approvers and viewers", async () => {
    const [item] = await seedItems(launchId, sectionId, 1);
    for (const user of [approver, viewer]) {
      actAs(user);
      expect(await takeItemAction({ launchId, itemId: item.id, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await owner(item.id)).toBeNull();
  });

  it("a manager turns “Take it” off: engineers are refused with the reason, managers still take; on again works", async () => {
    const [item] = await seedItems(launchId, sectionId, 1);
    actAs(eli);
    expect(await setEngineersTakeAction({ launchId, allowed: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(manager);
    expect(await setEngineersTakeAction({ launchId, allowed: false })).toMatchObject({ ok: true, data: { engineersTake: false } });
    expect((await eventsOf(launchId)).at(-1)).toMatchObject({ type: "launch.updated", payload: { fields: ["engineersTake"], engineersTake: false } });
    expect((await loadMetaUnchecked(launchId))?.engineersTake).toBe(false);
    const eventsBefore = (await eventsOf(launchId)).length;
    expect(await setEngineersTakeAction({ launchId, allowed: false })).toMatchObject({ ok: true });
    expect((await eventsOf(launchId)).length).toBe(eventsBefore);

    actAs(eli);
    const refused = await takeItemAction({ launchId, itemId: item.id, version: 1 });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(refused.ok === false && refused.error).toMatch(/turned off “Take it”/);
    expect(await owner(item.id)).toBeNull();

    actAs(manager);
    expect(await takeItemAction({ launchId, itemId: item.id, version: 1 })).toMatchObject({ ok: true, data: { ownerId: manager.id } });

    expect(await setEngineersTakeAction({ launchId, allowed: true })).toMatchObject({ ok: true, data: { engineersTake: true } });
    const [next] = await seedItems(launchId, sectionId, 1);
    actAs(eli);
    expect(await takeItemAction({ launchId, itemId: next.id, version: 1 })).toMatchObject({ ok: true, data: { ownerId: eli.id } });
  });

  it("rejects bad input with a clear message", async () => {
    actAs(eli);
    expect(await takeItemAction({ launchId, itemId: "", version: 0 })).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
