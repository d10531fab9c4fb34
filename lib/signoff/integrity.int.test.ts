import { beforeEach, describe, expect, it } from "vitest";
import { deleteItemAction, deleteSectionAction, editItemAction, importChecklistAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { db } from "@/lib/db/client";
import { loadReadiness } from "@/lib/readiness/load";
import { actAs, eventsOf } from "@/lib/test/fixtures";
import { liveDecisions, makeGroup, scheduleWindow, signoffWorld, type SignoffWorld } from "./int-fixtures";

// Sign-off integrity (issue 10): a decision stops counting when its approver leaves the role or the
// launch, and goes stale when the checklist it vouched for loses a required item or is replaced.

let w: SignoffWorld;
let qaId: string;
beforeEach(async () => {
  w = await signoffWorld();
  const qa = await makeGroup(w.launchId, "QA", [w.ann, w.bob]);
  qaId = qa.id;
  await db.signoffDecision.create({ data: { launchId: w.launchId, groupId: qa.id, approverId: w.ann.id, decision: "APPROVE", snapshot: {}, createdAt: new Date(Date.now() - 60_000) } });
  await scheduleWindow(w.launchId, 72);
  actAs(w.manager);
});

const state = async () => (await loadReadiness(w.launchId)).dto.state;
const memberId = async (userId: string) => (await db.member.findFirstOrThrow({ where: { launchId: w.launchId, userId } })).id;
const lastEvent = async () => (await eventsOf(w.launchId)).at(-1);

describe("removing or demoting an approver", () => {
  it("removing the approver withdraws their live decision: readiness drops, and the withdrawal is audited", async () => {
    expect(await state()).toBe("READY");
    expect(await removeMemberAction({ launchId: w.launchId, memberId: await memberId(w.ann.id) })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect(await db.signoffDecision.count({ where: { launchId: w.launchId, approverId: w.ann.id, withdrawnAt: { not: null } } })).toBe(1);
    expect(await state()).not.toBe("READY");
    expect(await lastEvent()).toMatchObject({
      type: "signoff.revoked",
      payload: { count: 1, approverId: w.ann.id, groups: ["QA"], reason: expect.stringContaining("was removed from the launch") },
    });
  });

  it("demoting the approver to viewer withdraws it too; a role change of someone else leaves it alone", async () => {
    expect(await changeMemberRoleAction({ launchId: w.launchId, memberId: await memberId(w.bob.id), role: "VIEWER" })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(1);
    expect(await state()).toBe("READY");

    expect(await changeMemberRoleAction({ launchId: w.launchId, memberId: await memberId(w.ann.id), role: "VIEWER" })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect(await state()).not.toBe("READY");
    expect(await lastEvent()).toMatchObject({ type: "signoff.revoked", payload: { reason: expect.stringContaining("is no longer an approver") } });
  });
});

describe("checklist changes make earlier sign-offs stale", () => {
  const staleReason = async () => (await db.signoffDecision.findFirstOrThrow({ where: { launchId: w.launchId, groupId: qaId } })).staleReason;

  it("deleting an optional item does not; deleting a required one does", async () => {
    const optional = await db.checklistItem.create({ data: { launchId: w.launchId, sectionId: w.sectionId, title: "Nice to have", position: 5, required: false } });
    expect(await deleteItemAction({ launchId: w.launchId, itemId: optional.id })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(1);

    expect(await deleteItemAction({ launchId: w.launchId, itemId: w.smoke.id })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect(await staleReason()).toBe("Required item “Smoke test passed” was deleted after you signed");
    expect(await lastEvent()).toMatchObject({ type: "signoff.stale", payload: { count: 1, change: "required_item_removed" } });
  });

  it("making a required item optional does", async () => {
    expect(await editItemAction({ launchId: w.launchId, itemId: w.backup.id, version: w.backup.version, required: false })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect(await staleReason()).toBe("“DB backup verified” was made optional after you signed");
  });

  it("deleting a section holding required items does", async () => {
    expect(await deleteSectionAction({ launchId: w.launchId, sectionId: w.sectionId })).toMatchObject({ ok: true });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect(await staleReason()).toMatch(/^Required item “.+ \(and the other required items of “Final checks”\)” was deleted after you signed$/);
  });

  it("replacing the checklist from CSV does, even when the new file has nothing open", async () => {
    const csv = "section,title,status\nFinal checks,DB backup verified,DONE\n";
    const result = await importChecklistAction({ launchId: w.launchId, csv, mode: "replace" });
    expect(result).toMatchObject({ ok: true, data: { mode: "replace" } });
    expect(await liveDecisions(w.launchId)).toHaveLength(0);
    expect(await staleReason()).toBe("The checklist was replaced from a CSV file after you signed");
  });
});
