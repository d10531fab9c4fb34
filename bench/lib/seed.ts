// A realistic launch for benchmarks: members (member6, member11, … are viewers, the rest engineers; member1 owns it), seven sections, items with a mix of
// statuses, owners, dues, evidence, dependencies and comments. Needs DATABASE_URL set before it is called.
export const BENCH_PASSWORD = "bench-password-123";
export const memberEmail = (i: number) => `member${i + 1}@bench.liftoff`;

export async function seedLaunch({ items: itemCount, members: memberCount }: { items: number; members: number }) {
  const { createPasswordUser } = await import("../../lib/seed/users");
  const { createLaunch } = await import("../../lib/launches/commands");
  const { db } = await import("../../lib/db/client");
  const users = await Promise.all(
    Array.from({ length: memberCount }, (_, i) => createPasswordUser({ name: `Member ${i + 1}`, email: memberEmail(i), password: BENCH_PASSWORD })),
  );
  const launch = await createLaunch({ userId: users[0], isAdmin: false }, { name: "Bench launch", system: "Payments", description: "", timeZone: "Europe/London" });
  await db.member.createMany({ data: users.slice(1).map((userId, i) => ({ launchId: launch.id, userId, role: i % 5 === 4 ? "VIEWER" : "ENGINEER" })) });
  const sections = await db.checklistSection.createManyAndReturn({
    data: ["Functional testing", "Performance testing", "Security testing", "Data migration", "Infrastructure", "Final checks", "Post-go-live monitoring"].map((title, position) => ({ launchId: launch.id, title, position })),
    select: { id: true },
  });
  const statuses = ["TODO", "TODO", "IN_PROGRESS", "DONE", "DONE", "BLOCKED", "NOT_APPLICABLE"] as const;
  const items = await db.checklistItem.createManyAndReturn({
    data: Array.from({ length: itemCount }, (_, i) => {
      const status = statuses[i % statuses.length];
      return {
        launchId: launch.id,
        sectionId: sections[i % sections.length].id,
        position: Math.floor(i / sections.length),
        title: `Check ${i + 1}: verify the ${["API", "database", "queue", "cache", "CDN"][i % 5]} behaves under the agreed conditions`,
        description: "Run the documented procedure, compare with the acceptance criteria in the runbook, and attach the result.",
        ownerId: users[i % memberCount],
        dueOffsetMinutes: -1440 * ((i % 10) + 1),
        required: i % 4 !== 0,
        requiresEvidence: i % 6 === 0,
        status,
        statusReason: status === "BLOCKED" ? "Waiting for the vendor's fix" : status === "NOT_APPLICABLE" ? "Not in scope for this release" : null,
        evidenceNote: status === "DONE" ? "Passed; report attached." : "",
        evidenceLinks: status === "DONE" ? [`https://ci.example.com/runs/${1000 + i}`] : [],
      };
    }),
    select: { id: true },
  });
  await db.itemDependency.createMany({ data: items.slice(1).filter((_, i) => i % 3 === 0).map((it, i) => ({ itemId: it.id, predecessorId: items[i * 3].id })) });
  await db.itemComment.createMany({ data: items.filter((_, i) => i % 4 === 0).map((it) => ({ itemId: it.id, authorId: users[1], body: "Looks good to me." })) });
  // Items a writer can tick back and forth: to do, no evidence asked, no predecessor.
  const toggles = await db.checklistItem.findMany({
    where: { launchId: launch.id, status: "TODO", requiresEvidence: false, predecessors: { none: {} } },
    select: { id: true, version: true },
    orderBy: { position: "asc" },
  });
  return { launchId: launch.id, users, ownerEmail: memberEmail(0), toggles };
}
