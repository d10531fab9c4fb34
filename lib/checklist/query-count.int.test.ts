import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countingStatements } from "@/lib/test/count-statements";
import { createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { seedItems, seedSection } from "./checklist-fixtures";
import { loadChecklist } from "./queries";

// The checklist page must not make one query per item, member or comment: the same number of SQL
// statements for 10 items as for 500. Counted at the driver, with Prisma's query log, so relation
// loads that Prisma splits into extra statements are counted too.

const count = countingStatements();

async function buildLaunch(manager: TestUser, items: number, members: number) {
  const users = await Promise.all(Array.from({ length: members - 1 }, () => createUser()));
  const launch = await createTestLaunch(manager, users.map((u) => [u, "ENGINEER"] as const));
  const sections = await Promise.all([0, 1, 2, 3].map((i) => seedSection(launch.id, `Section ${i}`, i)));
  const rows = (
    await Promise.all(sections.map((s, i) => seedItems(launch.id, s.id, Math.floor(items / 4), { ownerId: users[i % users.length]?.id ?? manager.id })))
  ).flat();
  await db.itemDependency.createMany({ data: rows.slice(1).map((r, i) => ({ itemId: r.id, predecessorId: rows[i].id })) });
  await db.itemComment.createMany({ data: rows.map((r) => ({ itemId: r.id, authorId: manager.id, body: "Looks good" })) });
  return launch.id;
}

describe("loading the checklist page", () => {
  it("makes the same number of queries for 10 items and 3 members as for 500 items and 20 members", async () => {
    const manager = await createUser();
    const small = await buildLaunch(manager, 12, 3);
    const large = await buildLaunch(manager, 500, 20);
    const measure = async (launchId: string) => {
      const { value: checklist, statements } = await count(() => loadChecklist(manager.actor, launchId));
      return { statements, items: checklist.items.length, members: checklist.members.length };
    };
    const a = await measure(small);
    const b = await measure(large);
    expect(a.items).toBe(12);
    expect(b).toMatchObject({ items: 500, members: 20 });
    expect(b.statements).toBe(a.statements);
    expect(b.statements).toBeLessThanOrEqual(8);
    console.log(`loadChecklist: ${b.statements} SQL statements for ${b.items} items and ${b.members} members`);
  });
});
