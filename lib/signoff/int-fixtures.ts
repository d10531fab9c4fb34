// Test data for the sign-off integration tests: rows a test needs as its starting point, written straight
// to the database (the commands under test are the only writes that go through actions).
import { db } from "@/lib/db/client";
import { createTestLaunch, createUser, uid, type TestUser } from "@/lib/test/fixtures";

export type SignoffWorld = Awaited<ReturnType<typeof signoffWorld>>;

/** A launch with a manager, an engineer, a viewer and two approvers, one section and two required items. */
export async function signoffWorld() {
  const [manager, engineer, viewer, ann, bob, outsider] = await Promise.all(
    ["Maya", "Eli", "Vic", "Ann", "Bob", "Out"].map((n) => createUser({ name: `${n} ${uid()}` })),
  );
  const launch = await createTestLaunch(manager, [
    [engineer, "ENGINEER"],
    [viewer, "VIEWER"],
    [ann, "APPROVER"],
    [bob, "APPROVER"],
  ]);
  const section = await db.checklistSection.create({ data: { launchId: launch.id, title: "Final checks", position: 0 } });
  const [backup, smoke] = await Promise.all(
    ["DB backup verified", "Smoke test passed"].map((title, position) =>
      db.checklistItem.create({ data: { launchId: launch.id, sectionId: section.id, title, position, status: "DONE", evidenceLinks: ["https://ci.example.com/1"] } }),
    ),
  );
  return { launchId: launch.id, manager, engineer, viewer, ann, bob, outsider, sectionId: section.id, backup, smoke };
}

export async function makeGroup(launchId: string, name: string, approvers: TestUser[], rule: "ANY" | "ALL" | "N_OF_M" = "ANY", requiredCount: number | null = null) {
  return db.signoffGroup.create({
    data: { launchId, name, rule, requiredCount, approvers: { create: approvers.map((a) => ({ userId: a.id })) } },
  });
}

/** A scheduled window `hoursAhead` from now on a fresh environment. */
export async function scheduleWindow(launchId: string, hoursAhead: number, opts: { freeze?: boolean } = {}) {
  const env = await db.environment.create({ data: { name: `prod-${uid()}` } });
  const startsAt = new Date(Date.now() + hoursAhead * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 4 * 3_600_000);
  if (opts.freeze) {
    await db.freeze.create({
      data: { environmentId: env.id, kind: "ONE_OFF", reason: "Black Friday", startsAt, endsAt, timeZone: "Europe/London" },
    });
  }
  return db.deploymentWindow.create({
    data: { launchId, environmentId: env.id, startsAt, endsAt, timeZone: "Europe/London", status: "SCHEDULED" },
  });
}

export async function liveDecisions(launchId: string) {
  return db.signoffDecision.findMany({ where: { launchId, withdrawnAt: null, staleAt: null }, orderBy: { createdAt: "asc" } });
}
