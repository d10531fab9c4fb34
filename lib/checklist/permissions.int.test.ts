import { beforeAll, describe, expect, it } from "vitest";
import {
  addCommentAction,
  assignItemAction,
  bulkStatusAction,
  changeItemStatusAction,
  updateEvidenceAction,
} from "@/app/(app)/launches/[launchId]/checklist/actions";
import { createItemAction, importChecklistAction, moveItemAction, setPredecessorsAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import { loadViewPart } from "@/lib/launches/view";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { seedItems, seedSection } from "./checklist-fixtures";

let manager: TestUser, eli: TestUser, noor: TestUser, approver: TestUser, viewer: TestUser, outsider: TestUser;
let launchId: string;
let sectionId: string;
let eliItem: { id: string }, noorItem: { id: string };

beforeAll(async () => {
  [manager, eli, noor, approver, viewer, outsider] = await Promise.all(Array.from({ length: 6 }, () => createUser()));
  launchId = (await createTestLaunch(manager, [[eli, "ENGINEER"], [noor, "ENGINEER"], [approver, "APPROVER"], [viewer, "VIEWER"]])).id;
  sectionId = (await seedSection(launchId)).id;
  [eliItem] = await seedItems(launchId, sectionId, 1, { ownerId: eli.id });
  [noorItem] = await seedItems(launchId, sectionId, 1, { ownerId: noor.id });
});

/** Everything a refused call could have touched: items, dependencies, comments, sections, events. */
async function snapshot() {
  const [items, deps, comments, sections, events] = await Promise.all([
    db.checklistItem.findMany({ where: { launchId }, orderBy: { id: "asc" } }),
    db.itemDependency.findMany({ where: { item: { launchId } }, orderBy: [{ itemId: "asc" }, { predecessorId: "asc" }] }),
    db.itemComment.count({ where: { item: { launchId } } }),
    db.checklistSection.findMany({ where: { launchId }, orderBy: { id: "asc" } }),
    eventsOf(launchId),
  ]);
  return JSON.stringify({ items, deps, comments, sections, events: events.length });
}

const writes = () => [
  () => changeItemStatusAction({ launchId, itemId: eliItem.id, version: 1, status: "DONE" }),
  () => updateEvidenceAction({ launchId, itemId: eliItem.id, version: 1, evidenceNote: "forged", evidenceLinks: [] }),
  () => assignItemAction({ launchId, itemId: eliItem.id, version: 1, ownerId: null }),
  () => bulkStatusAction({ launchId, itemIds: [eliItem.id, noorItem.id], status: "DONE" }),
  () => createItemAction({ launchId, sectionId, title: "Injected" }),
  () => setPredecessorsAction({ launchId, itemId: eliItem.id, predecessorIds: [noorItem.id] }),
  () => moveItemAction({ launchId, itemId: eliItem.id, sectionId, position: 1 }),
  () => importChecklistAction({ launchId, csv: "section,title\nInjected,Row", mode: "replace" }),
];

describe("who may change the checklist", () => {
  it.each([
    ["a viewer", (): TestUser | null => viewer, "FORBIDDEN"],
    ["an approver", (): TestUser | null => approver, "FORBIDDEN"],
    ["a non-member", (): TestUser | null => outsider, "NOT_FOUND"],
    ["a signed-out visitor", (): TestUser | null => null, "UNAUTHENTICATED"],
  ] as const)("%s is refused every write, and nothing is written", async (_who, user, code) => {
    const before = await snapshot();
    actAs(user());
    for (const write of writes()) {
      const result = await write();
      expect(result, write.toString()).toMatchObject({ ok: false, code });
    }
    expect(await snapshot()).toBe(before);
  });

  it("a non-member cannot read the checklist either", async () => {
    // The read a browser makes (GET /api/launches/:id/view/checklist) goes through loadViewPart.
    await expect(loadViewPart({ userId: outsider.id, isAdmin: false }, launchId, "checklist")).rejects.toBeInstanceOf(NotFoundError);
    expect(await loadViewPart({ userId: viewer.id, isAdmin: false }, launchId, "checklist")).toMatchObject({ viewer: { structure: false, updateOwn: false } });
  });

  it("an engineer updates their own items but not another's, unless the manager allows it", async () => {
    actAs(eli);
    const other = await changeItemStatusAction({ launchId, itemId: noorItem.id, version: 1, status: "IN_PROGRESS" });
    expect(other).toMatchObject({ ok: false, code: "FORBIDDEN", error: expect.stringContaining("only the items assigned to you") });
    expect(await changeItemStatusAction({ launchId, itemId: eliItem.id, version: 1, status: "IN_PROGRESS" })).toMatchObject({ ok: true });
    const bulk = await bulkStatusAction({ launchId, itemIds: [noorItem.id], status: "IN_PROGRESS" });
    expect(bulk).toMatchObject({ ok: true, data: { updated: [], refused: [{ itemId: noorItem.id }] } });

    await db.launch.update({ where: { id: launchId }, data: { engineersEditAll: true } });
    expect(await changeItemStatusAction({ launchId, itemId: noorItem.id, version: 1, status: "IN_PROGRESS" })).toMatchObject({ ok: true });
    await db.launch.update({ where: { id: launchId }, data: { engineersEditAll: false } });
    // Structure stays with managers even then.
    expect(await createItemAction({ launchId, sectionId, title: "Mine now" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("approvers and engineers may comment; viewers may not", async () => {
    actAs(approver);
    expect(await addCommentAction({ launchId, itemId: eliItem.id, body: "What did the load test show?" })).toMatchObject({ ok: true });
    actAs(viewer);
    expect(await addCommentAction({ launchId, itemId: eliItem.id, body: "Me too" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.itemComment.count({ where: { itemId: eliItem.id } })).toBe(1);
  });
});
