import { describe, expect, it } from "vitest";
import { updateGroupAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { db } from "@/lib/db/client";
import { actAs, createUser, eventsOf } from "@/lib/test/fixtures";
import { makeGroup, signoffWorld } from "./int-fixtures";

// Editing a sign-off group is versioned like items and windows: two managers editing the same group,
// the second save made on the version both started from is a CONFLICT showing the first one's group.

const groupRow = (id: string) =>
  db.signoffGroup.findUniqueOrThrow({ where: { id }, include: { approvers: { select: { userId: true }, orderBy: { userId: "asc" } } } });

describe("stale versions on sign-off groups", () => {
  it("updateGroupAction: the second edit on the same version is a CONFLICT showing the first, which stays", async () => {
    const w = await signoffWorld();
    const second = await createUser({ name: "Sam Second" });
    await db.member.create({ data: { launchId: w.launchId, userId: second.id, role: "MANAGER" } });
    const group = await makeGroup(w.launchId, "Security", [w.ann, w.bob], "ALL");
    expect(group.version).toBe(1);

    actAs(w.manager);
    const first = await updateGroupAction({ launchId: w.launchId, groupId: group.id, version: 1, name: "Security", rule: "N_OF_M", requiredCount: 1, approverIds: [w.ann.id, w.bob.id] });
    expect(first).toMatchObject({ ok: true, data: { id: group.id } });
    const afterFirst = await groupRow(group.id);
    expect(afterFirst).toMatchObject({ version: 2, rule: "N_OF_M", requiredCount: 1 });
    const events = (await eventsOf(w.launchId)).length;

    actAs(second);
    const stale = await updateGroupAction({ launchId: w.launchId, groupId: group.id, version: 1, name: "AppSec", rule: "ANY", approverIds: [w.bob.id] });
    expect(stale).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: expect.stringContaining(`${w.manager.name} changed the group “Security” since you opened it: now 1 of 2`),
      current: { id: group.id, version: 2, name: "Security", rule: "N_OF_M", requiredCount: 1, updatedByName: w.manager.name },
    });
    expect(await groupRow(group.id)).toEqual(afterFirst);
    expect((await eventsOf(w.launchId)).length).toBe(events);

    // Shown the current version, the second manager's edit goes through.
    const retried = await updateGroupAction({ launchId: w.launchId, groupId: group.id, version: 2, name: "AppSec", rule: "ANY", approverIds: [w.bob.id] });
    expect(retried).toMatchObject({ ok: true });
    expect(await groupRow(group.id)).toMatchObject({ version: 3, name: "AppSec", rule: "ANY", approvers: [{ userId: w.bob.id }] });
  });

  it("lets exactly one of two concurrent edits on the same version win", async () => {
    const w = await signoffWorld();
    const group = await makeGroup(w.launchId, "QA", [w.ann, w.bob]);
    actAs(w.manager);
    const results = await Promise.all(
      ["QA one", "QA two"].map((name) => updateGroupAction({ launchId: w.launchId, groupId: group.id, version: 1, name, rule: "ANY", approverIds: [w.ann.id] })),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    expect((await groupRow(group.id)).version).toBe(2);
  });
});
