import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countingStatements } from "@/lib/test/count-statements";
import { createTestLaunch, createUser } from "@/lib/test/fixtures";
import { listMyLaunches } from "./queries";

// The launches list is bounded by page, whatever the instance holds (an instance admin sees every launch),
// pages by keyset so activity meanwhile neither repeats nor skips a card, and costs the same statements
// for a page of one launch as for a full one.

const count = countingStatements();

async function launchesAt(manager: Awaited<ReturnType<typeof createUser>>, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await createTestLaunch(manager);
    // Distinct, known activity times: launch 0 the oldest.
    await db.launch.update({ where: { id }, data: { updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
    ids.push(id);
  }
  return ids;
}

describe("the launches list", () => {
  it("walks every launch once, newest activity first, a page at a time, while one of them becomes active", async () => {
    const manager = await createUser();
    const ids = await launchesAt(manager, 5);
    const first = await listMyLaunches(manager.actor, { limit: 2 });
    expect(first.launches.map((l) => l.id)).toEqual([ids[4], ids[3]]);
    expect(first.older).not.toBeNull();

    // The oldest launch changes between page loads: it moves to the top, and the older pages go on from where they were.
    await db.launch.update({ where: { id: ids[0] }, data: { updatedAt: new Date() } });
    const second = await listMyLaunches(manager.actor, { limit: 2, before: first.older });
    expect(second.launches.map((l) => l.id)).toEqual([ids[2], ids[1]]);
    // Nothing is older than ids[1] any more: the last page says so.
    expect(second.older).toBeNull();
    expect((await listMyLaunches(manager.actor, { limit: 2 })).launches.map((l) => l.id)).toEqual([ids[0], ids[4]]);
  });

  it("breaks ties of activity by id, so launches touched in the same millisecond are not lost between pages", async () => {
    const manager = await createUser();
    const ids = await launchesAt(manager, 3);
    const same = new Date(Date.UTC(2026, 5, 1));
    await db.launch.updateMany({ where: { id: { in: ids } }, data: { updatedAt: same } });
    const seen: string[] = [];
    let before = null;
    do {
      const page: Awaited<ReturnType<typeof listMyLaunches>> = await listMyLaunches(manager.actor, { limit: 1, before });
      seen.push(...page.launches.map((l) => l.id));
      before = page.older;
    } while (before);
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("shows an instance admin every launch, but a page at a time, and only a token's launches when asked", async () => {
    const owner = await createUser();
    const admin = await createUser({ isAdmin: true });
    const ids = await launchesAt(owner, 3);
    const page = await listMyLaunches(admin.actor, { limit: 2 });
    expect(page.launches).toHaveLength(2);
    expect(page.launches.every((l) => l.role === null)).toBe(true);
    const scoped = await listMyLaunches(admin.actor, { ids: [ids[0], ids[2]], limit: 2 });
    expect(scoped.launches.map((l) => l.id)).toEqual([ids[2], ids[0]]);
    expect(scoped.older).toBeNull();
    // Another user's launches stay out of a member's list.
    expect((await listMyLaunches((await createUser()).actor, { ids })).launches).toEqual([]);
  });

  it("makes the same number of statements for one launch as for a full page", async () => {
    const one = await createUser();
    await launchesAt(one, 1);
    const many = await createUser();
    await launchesAt(many, 6);
    const a = await count(() => listMyLaunches(one.actor, { limit: 5 }));
    const b = await count(() => listMyLaunches(many.actor, { limit: 5 }));
    expect(a.value.launches).toHaveLength(1);
    expect(b.value.launches).toHaveLength(5);
    expect(b.statements).toBe(a.statements);
  });
});
