import { beforeAll, describe, expect, it } from "vitest";
import { changeItemStatusAction, updateEvidenceAction } from "@/app/(app)/launches/[launchId]/checklist/actions";
import { db } from "@/lib/db/client";
import { countingStatements } from "@/lib/test/count-statements";
import { actAs, createTestLaunch, createUser, eventsOf, uid, type TestUser } from "@/lib/test/fixtures";
import { seedItems, seedSection, linkPredecessor } from "./checklist-fixtures";
import { loadChecklist } from "./queries";
import type { ItemDTO } from "./dto";

// The busiest write of a cutover, ticking a check, through the real server action: what the acting tab
// gets back is exactly the item every page renders, and the tick costs a fixed, small number of SQL
// round trips (issue 9: a write the server can do hundreds of times a second).

const count = countingStatements();
let manager: TestUser;
let engineer: TestUser;
let launchId: string;
let items: { id: string; version: number }[];

beforeAll(async () => {
  manager = await createUser({ name: "Mia Manager" });
  engineer = await createUser({ name: "Eli Engineer" });
  launchId = (await createTestLaunch(manager, [[engineer, "ENGINEER"]])).id;
  const section = await seedSection(launchId);
  // Relative dues resolve against a scheduled window; the first item has two predecessors and comments.
  const env = await db.environment.create({ data: { name: `tick-env-${uid()}` } });
  const start = new Date(Date.now() + 3 * 86_400_000);
  await db.deploymentWindow.create({
    data: { launchId, environmentId: env.id, startsAt: start, endsAt: new Date(start.getTime() + 7_200_000), timeZone: "Europe/London", status: "SCHEDULED" },
  });
  items = await seedItems(launchId, section.id, 4, { ownerId: engineer.id });
  await linkPredecessor(items[0].id, items[2].id);
  await linkPredecessor(items[0].id, items[1].id);
  await db.itemComment.createMany({ data: [1, 2].map((n) => ({ itemId: items[0].id, authorId: manager.id, body: `Comment ${n}` })) });
});

const pageItem = async (itemId: string): Promise<ItemDTO> => (await loadChecklist(manager.actor, launchId)).items.find((i) => i.id === itemId)!;

describe("ticking a check through the server action", () => {
  it("returns the item exactly as the checklist page shows it, predecessors, comments, resolved due and editor included", async () => {
    actAs(engineer);
    const result = await changeItemStatusAction({ launchId, itemId: items[0].id, version: items[0].version, status: "IN_PROGRESS" });
    if (!result.ok) throw new Error(result.error);
    const page = await pageItem(items[0].id);
    expect(result.data).toEqual(page);
    expect(result.data).toMatchObject({ status: "IN_PROGRESS", commentCount: 2, updatedByName: "Eli Engineer", version: items[0].version + 1 });
    expect(result.data.predecessorIds).toEqual([items[1].id, items[2].id].sort());
    expect(result.data.dueResolved).not.toBeNull();
  });

  it("costs a fixed number of SQL statements, whatever the launch holds", async () => {
    actAs(engineer);
    const before = (await eventsOf(launchId)).length;
    const { value: result, statements } = await count(() => changeItemStatusAction({ launchId, itemId: items[3].id, version: items[3].version, status: "IN_PROGRESS" }));
    expect(result.ok).toBe(true);
    expect((await eventsOf(launchId)).length).toBe(before + 1);
    // As Prisma's query log counts them: the session (its user joined); then access, the item with its
    // predecessors, the update, the item DTO, the events with their NOTIFY, the dispatch job. It was 18
    // before issue 9's pass, and 9 before relations loaded by join.
    expect(statements).toBeLessThanOrEqual(8);
    console.log(`changeItemStatusAction: ${statements} SQL statements`);
  });

  it("tells the loser of a stale edit what is there now, as the page shows it, and writes nothing", async () => {
    actAs(manager);
    const before = (await eventsOf(launchId)).length;
    const stale = await updateEvidenceAction({ launchId, itemId: items[0].id, version: items[0].version, evidenceNote: "Old tab", evidenceLinks: [] });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(stale.ok ? null : stale.current).toEqual(await pageItem(items[0].id));
    expect((await eventsOf(launchId)).length).toBe(before);
  });

  it("answers an outsider's valid tick with not found and writes nothing", async () => {
    const outsider = await createUser();
    actAs(outsider);
    const before = await db.checklistItem.findUniqueOrThrow({ where: { id: items[1].id } });
    const result = await changeItemStatusAction({ launchId, itemId: items[1].id, version: before.version, status: "DONE" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.checklistItem.findUniqueOrThrow({ where: { id: items[1].id } })).toEqual(before);
  });

  it("answers a refused tick on a visible launch with the refusal, and an invisible one's with not found", async () => {
    const viewer = await createUser();
    await db.member.create({ data: { launchId, userId: viewer.id, role: "VIEWER" } });
    actAs(viewer);
    const refused = await changeItemStatusAction({ launchId, itemId: items[1].id, version: 1, status: "DONE" });
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const gone = await changeItemStatusAction({ launchId: "c0000000000000000000nolaunch", itemId: items[1].id, version: 1, status: "DONE" });
    expect(gone).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
