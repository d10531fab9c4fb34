import { db } from "@/lib/db/client";
import type { TestUser } from "./fixtures";

/**
 * One input object that passes the zod schema of every server action, aimed at launch `launchId`'s
 * resources: each action picks the keys it needs (zod drops the rest). Creates one row of each kind
 * in the launch so that every id points at something real.
 */
export async function universalInput(launchId: string, users: { engineer: TestUser; approver: TestUser; manager: TestUser }) {
  const section = await db.checklistSection.create({ data: { launchId, title: "Sweep section", position: 0 } });
  const [item, predecessor] = await Promise.all(
    ["Sweep item", "Sweep predecessor"].map((title, position) =>
      db.checklistItem.create({ data: { launchId, sectionId: section.id, title, position, ownerId: users.engineer.id } }),
    ),
  );
  const group = await db.signoffGroup.create({
    data: { launchId, name: "Sweep group", rule: "ANY", approvers: { create: { userId: users.approver.id } } },
  });
  const decision = await db.signoffDecision.create({
    data: { launchId, groupId: group.id, approverId: users.approver.id, decision: "APPROVE", snapshot: {} },
  });
  const environment = await db.environment.upsert({ where: { name: "sweep-env" }, update: {}, create: { name: "sweep-env" } });
  const start = new Date(Date.now() + 30 * 86_400_000);
  const window = await db.deploymentWindow.create({
    data: { launchId, environmentId: environment.id, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), timeZone: "Europe/London" },
  });
  const member = await db.member.findFirstOrThrow({ where: { launchId, userId: users.engineer.id } });
  const local = (d: Date) => d.toISOString().slice(0, 16);
  return {
    launchId,
    memberId: member.id,
    userId: users.engineer.id,
    ownerId: users.engineer.id,
    sectionId: section.id,
    itemId: item.id,
    itemIds: [item.id],
    predecessorIds: [predecessor.id],
    groupId: group.id,
    decisionId: decision.id,
    windowId: window.id,
    environmentId: environment.id,
    approverIds: [users.approver.id],
    email: users.approver.email,
    role: "VIEWER",
    name: "Sweep",
    system: "Sweep system",
    title: "Sweep title",
    description: "Sweep description",
    body: "Sweep comment",
    comment: "Sweep comment",
    notes: "Sweep notes",
    nextStep: "Sweep next step",
    reason: "Sweep reason, long enough",
    overrideReason: "Sweep override reason",
    timeZone: "Europe/London",
    status: "DONE",
    to: "CANCELLED",
    outcome: "NO_GO",
    decision: "APPROVE",
    rule: "ANY",
    required: true,
    requiresEvidence: false,
    version: 1,
    position: 0,
    start: local(new Date(start.getTime() + 86_400_000)),
    end: local(new Date(start.getTime() + 90_000_000)),
    evidenceLinks: ["https://example.com/evidence"],
    evidenceNote: "Sweep evidence",
    csv: "section,title\nSweep,Imported",
  };
}
