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
  await db.hypercare.create({ data: { launchId, startedAt: new Date(), plannedEndAt: new Date(Date.now() + 14 * 86_400_000) } });
  const criterion = await db.hypercareCriterion.create({ data: { launchId, kind: "SIGNED", title: "Sweep handover" } });
  const incident = await db.incident.create({ data: { launchId, number: 1, title: "Sweep incident", severity: 2, highestSeverity: 2 } });
  // Runbook (issue 12): a stream, two tasks, a dependency and the LIVE run.
  const runbook = await db.runbook.create({ data: { launchId } });
  const stream = await db.runbookStream.create({ data: { runbookId: runbook.id, name: "Sweep stream" } });
  const [task, fromTask] = await Promise.all(
    ["Sweep task", "Sweep first task"].map((title, position) =>
      db.runbookTask.create({ data: { runbookId: runbook.id, streamId: stream.id, title, position, durationMin: 10, assignees: { create: { userId: users.engineer.id } } } }),
    ),
  );
  const dependency = await db.runbookDependency.create({ data: { runbookId: runbook.id, fromId: fromTask.id, toId: task.id } });
  const run = await db.runbookRun.create({ data: { runbookId: runbook.id, kind: "LIVE", revision: 1, startAt: start } });
  // Webhooks (issue 14): an endpoint (aimed at a reserved documentation address, never reached) and a delivery.
  const webhook = await db.webhookEndpoint.create({
    data: { launchId, url: "https://203.0.113.7/liftoff-sweep", eventTypes: ["go.decided"], secret: "whsec_c3dlZXAtc2VjcmV0LXN3ZWVwLXNlY3JldC0wMDAwMDA=" },
  });
  const delivery = await db.webhookDelivery.create({ data: { endpointId: webhook.id, type: "webhook.test", body: "{}", status: "FAILED", attempts: 1 } });
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
    criterionId: criterion.id,
    incidentId: incident.id,
    streamId: stream.id,
    taskId: task.id,
    fromId: fromTask.id,
    toId: task.id,
    dependencyId: dependency.id,
    runId: run.id,
    opId: "sweep-operation-0001",
    templateKey: "blank",
    durationMin: 15,
    lagMin: 5,
    rollbackMin: 30,
    bufferMin: 10,
    message: "Sweep message",
    trigger: "Sweep trigger",
    severity: 2,
    state: "RESOLVED",
    kind: "SIGNED",
    signed: true,
    value: "0.1",
    releaseRelated: true,
    rollbackTrigger: false,
    note: "Sweep note",
    plannedEndAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    notificationKind: "all",
    notificationMode: "DIGEST",
    endpointId: webhook.id,
    deliveryId: delivery.id,
    url: "https://203.0.113.7/liftoff-sweep",
    eventTypes: ["go.decided"],
    format: "STANDARD",
    enabled: false,
  };
}
