import { beforeEach, describe, expect, it } from "vitest";
import { addCommentAction, changeItemStatusAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { createSectionAction, deleteItemAction, renameSectionAction, saveTemplateAction } from "@/app/(app)/launches/[launchId]/checklist/structure-actions";
import { transitionLaunchAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { removeMemberAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { createGroupAction, decideAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { READ_ONLY_MESSAGE } from "@/lib/domain/read-only";
import { makeGroup, signoffWorld, type SignoffWorld } from "@/lib/signoff/int-fixtures";
import { actAs, eventsOf } from "@/lib/test/fixtures";

// A CLOSED or CANCELLED launch refuses every command with one clear message and writes nothing.

let w: SignoffWorld;
beforeEach(async () => {
  w = await signoffWorld();
});

const refused = { ok: false, code: "FORBIDDEN", error: READ_ONLY_MESSAGE };

async function snapshot(launchId: string) {
  const [launch, sections, items, comments, groups, decisions, windows, events] = await Promise.all([
    db.launch.findUniqueOrThrow({ where: { id: launchId }, select: { status: true, version: true } }),
    // Ordered: without ORDER BY, Postgres may return the same rows in another order (a new plan after autoanalyze).
    db.checklistSection.findMany({ where: { launchId }, select: { id: true, title: true }, orderBy: { id: "asc" } }),
    db.checklistItem.findMany({ where: { launchId }, select: { id: true, status: true, version: true }, orderBy: { id: "asc" } }),
    db.itemComment.count({ where: { item: { launchId } } }),
    db.signoffGroup.count({ where: { launchId } }),
    db.signoffDecision.count({ where: { launchId } }),
    db.deploymentWindow.count({ where: { launchId } }),
    eventsOf(launchId),
  ]);
  return { launch, sections, items, comments, groups, decisions, windows, events: events.length };
}

describe.each(["CLOSED", "CANCELLED"] as const)("a %s launch is read-only", (status) => {
  it("refuses checklist, comment, sign-off, window and lifecycle commands and writes nothing", async () => {
    const qa = await makeGroup(w.launchId, "QA", [w.ann]);
    const env = await db.environment.create({ data: { name: `ro-${w.launchId.slice(-6)}-${status.toLowerCase()}` } });
    await db.launch.update({ where: { id: w.launchId }, data: { status } });
    const before = await snapshot(w.launchId);

    actAs(w.manager);
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 13) + ":00";
    const end = new Date(Date.now() + 3 * 86_400_000 + 7_200_000).toISOString().slice(0, 13) + ":00";
    const attempts = [
      await createSectionAction({ launchId: w.launchId, title: "After the fact" }),
      await renameSectionAction({ launchId: w.launchId, sectionId: w.sectionId, version: 1, title: "Renamed" }),
      await deleteItemAction({ launchId: w.launchId, itemId: w.smoke.id }),
      await changeItemStatusAction({ launchId: w.launchId, itemId: w.backup.id, version: w.backup.version, status: "TODO" }),
      await addCommentAction({ launchId: w.launchId, itemId: w.backup.id, body: "Late note" }),
      await createGroupAction({ launchId: w.launchId, name: "Security", rule: "ANY", approverIds: [w.bob.id] }),
      await scheduleWindowAction({ launchId: w.launchId, environmentId: env.id, start, end, timeZone: "UTC", status: "PROPOSED" }),
      await transitionLaunchAction({ launchId: w.launchId, to: "PLANNING" }),
    ];
    actAs(w.ann);
    attempts.push(await decideAction({ launchId: w.launchId, groupId: qa.id, decision: "APPROVE" }));

    for (const attempt of attempts) expect(attempt).toMatchObject(refused);
    expect(await snapshot(w.launchId)).toEqual(before);
  });

  it("still lets a manager remove a member and save the checklist as a template", async () => {
    await db.launch.update({ where: { id: w.launchId }, data: { status } });
    const viewerRow = await db.member.findFirstOrThrow({ where: { launchId: w.launchId, userId: w.viewer.id } });
    actAs(w.manager);
    expect(await removeMemberAction({ launchId: w.launchId, memberId: viewerRow.id })).toMatchObject({ ok: true });
    expect(await db.member.count({ where: { id: viewerRow.id } })).toBe(0);
    expect(await saveTemplateAction({ launchId: w.launchId, name: `Closed ${status} template`, description: "" })).toMatchObject({ ok: true });
  });
});
