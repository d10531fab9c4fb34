import { beforeAll, describe, expect, it } from "vitest";
import { assignItemAction, changeItemStatusAction, updateEvidenceAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { editItemAction, renameSectionAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";
import { itemState, seedItems, seedSection } from "./checklist-fixtures";

// Every versioned checklist action: a first change made on version v wins; a second made on the same v is
// a CONFLICT that writes nothing, leaves the first change intact and carries the winner's state.

let ann: TestUser;
let bob: TestUser;
let launchId: string;
let sectionId: string;

beforeAll(async () => {
  ann = await createUser({ name: "Ann Manager" });
  bob = await createUser({ name: "Bob Manager" });
  launchId = (await createTestLaunch(ann, [[bob, "MANAGER"]])).id;
  sectionId = (await seedSection(launchId)).id;
});

type Row = Awaited<ReturnType<typeof itemState>>;
const cases: {
  name: string;
  first: (itemId: string, version: number) => Promise<unknown>;
  second: (itemId: string, version: number) => Promise<unknown>;
  /** What the row and the conflict's `current` show after the first change. */
  winner: (row: Row) => unknown;
  current: () => Record<string, unknown>;
}[] = [
  {
    name: "editItemAction (title, description, due, flags)",
    first: (itemId, version) => editItemAction({ launchId, itemId, version, title: "Ann's title", description: "Ann's words" }),
    second: (itemId, version) => editItemAction({ launchId, itemId, version, title: "Bob's title", required: false }),
    winner: (row) => ({ title: row.title, description: row.description, required: row.required }),
    current: () => ({ title: "Ann's title", description: "Ann's words", required: true }),
  },
  {
    name: "assignItemAction",
    first: (itemId, version) => assignItemAction({ launchId, itemId, version, ownerId: ann.id }),
    second: (itemId, version) => assignItemAction({ launchId, itemId, version, ownerId: bob.id }),
    winner: (row) => ({ ownerId: row.ownerId }),
    current: () => ({ ownerId: ann.id }),
  },
  {
    name: "updateEvidenceAction",
    first: (itemId, version) => updateEvidenceAction({ launchId, itemId, version, evidenceNote: "Ann's proof", evidenceLinks: ["https://ci.example.com/ann"] }),
    second: (itemId, version) => updateEvidenceAction({ launchId, itemId, version, evidenceNote: "Bob's proof", evidenceLinks: [] }),
    winner: (row) => ({ evidenceNote: row.evidenceNote, evidenceLinks: row.evidenceLinks }),
    current: () => ({ evidenceNote: "Ann's proof", evidenceLinks: ["https://ci.example.com/ann"] }),
  },
  {
    name: "changeItemStatusAction",
    first: (itemId, version) => changeItemStatusAction({ launchId, itemId, version, status: "IN_PROGRESS" }),
    second: (itemId, version) => changeItemStatusAction({ launchId, itemId, version, status: "DONE" }),
    winner: (row) => ({ status: row.status }),
    current: () => ({ status: "IN_PROGRESS" }),
  },
];

describe("stale versions on checklist items", () => {
  it.each(cases)("$name: the second change on the same version is a CONFLICT showing the first", async (c) => {
    const [item] = await seedItems(launchId, sectionId, 1, { title: () => "Shared item" });
    const v = item.version;
    actAs(ann);
    expect(await c.first(item.id, v)).toMatchObject({ ok: true, data: { version: v + 1 } });
    const afterFirst = await itemState(item.id);
    const events = (await eventsOf(launchId)).length;

    actAs(bob);
    const stale = await c.second(item.id, v);
    expect(stale).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringContaining("Ann Manager changed"),
      current: { id: item.id, version: v + 1, updatedByName: "Ann Manager", ...c.current() },
    });
    const row = await itemState(item.id);
    expect(row).toEqual(afterFirst);
    expect(c.winner(row)).toEqual(c.winner(afterFirst));
    expect((await eventsOf(launchId)).length).toBe(events);

    // With the version it was shown, Bob's change goes through.
    expect(await c.second(item.id, v + 1)).toMatchObject({ ok: true, data: { version: v + 2 } });
  });
});

describe("stale versions on sections", () => {
  it("renameSectionAction: the second rename on the same version is a CONFLICT showing the first, which stays", async () => {
    const section = await seedSection(launchId, "Testing", 1);
    actAs(ann);
    expect(await renameSectionAction({ launchId, sectionId: section.id, version: 1, title: "Ann's name" })).toMatchObject({
      ok: true,
      data: { id: section.id, version: 2 },
    });
    const events = (await eventsOf(launchId)).length;

    actAs(bob);
    expect(await renameSectionAction({ launchId, sectionId: section.id, version: 1, title: "Bob's name" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: "Ann Manager renamed this section to “Ann's name” since you opened it. Your title was not saved; check it and try again.",
      current: { id: section.id, title: "Ann's name", version: 2, updatedByName: "Ann Manager" },
    });
    expect(await db.checklistSection.findUniqueOrThrow({ where: { id: section.id } })).toMatchObject({ title: "Ann's name", version: 2 });
    expect((await eventsOf(launchId)).length).toBe(events);

    expect(await renameSectionAction({ launchId, sectionId: section.id, version: 2, title: "Bob's name" })).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("lets exactly one of two concurrent renames on the same version win", async () => {
    const section = await seedSection(launchId, "Racing", 2);
    actAs(ann);
    const results = await Promise.all(["One", "Two"].map((title) => renameSectionAction({ launchId, sectionId: section.id, version: 1, title })));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    expect((await db.checklistSection.findUniqueOrThrow({ where: { id: section.id } })).version).toBe(2);
  });
});
