import "server-only";
import { db } from "@/lib/db/client";
import type { DispatchedEvent, Reactor } from "@/lib/jobs/dispatch";
import { deliver, type Delivery } from "./deliver";
import { syncReminder } from "./reminder";
import { intentsFor, notificationKey, recipients, windowOf, type Audience } from "./rules";

// Turns committed events into notification rows and mail jobs (lib/notifications/deliver.ts), and keeps the
// window reminders in step with the windows. Runs in the `events.dispatch` worker (lib/jobs/reactors.ts);
// a retried dispatch finds the rows already recorded, by key, and sends nothing twice.

type Target = { userId: string; ref?: string; summary?: string };

/** The users an audience names, restricted to the launch's current members. */
async function resolve(launchId: string, audience: Audience): Promise<Target[]> {
  const members = async (userIds: string[]) =>
    userIds.length ? (await db.member.findMany({ where: { launchId, userId: { in: userIds } }, select: { userId: true } })).map((m) => ({ userId: m.userId })) : [];
  switch (audience.type) {
    case "users":
      return members(audience.userIds);
    case "members":
      return (await db.member.findMany({ where: { launchId }, select: { userId: true } })).map((m) => ({ userId: m.userId }));
    case "taskAssignees":
      return members((await db.runbookAssignee.findMany({ where: { taskId: audience.taskId }, select: { userId: true } })).map((a) => a.userId));
    case "groupApprovers":
      return members((await db.signoffApprover.findMany({ where: { groupId: audience.groupId, group: { launchId } }, select: { userId: true } })).map((a) => a.userId));
    case "decisionApprovers":
      return members((await db.signoffDecision.findMany({ where: { id: { in: audience.decisionIds }, launchId }, select: { approverId: true } })).map((d) => d.approverId));
    case "startableAfter":
      return startableAfter(launchId, audience.runId, audience.taskId);
  }
}

/** Assignees of the successors of `taskId` that nothing holds back any more in `runId`, one target per task. */
async function startableAfter(launchId: string, runId: string, taskId: string): Promise<Target[]> {
  const successors = await db.runbookTask.findMany({
    where: { incoming: { some: { fromId: taskId } }, runbook: { launchId } },
    select: {
      id: true,
      title: true,
      assignees: { select: { userId: true } },
      executions: { where: { runId }, select: { status: true } },
      incoming: { select: { type: true, from: { select: { executions: { where: { runId }, select: { status: true } } } } } },
    },
  });
  const targets: Target[] = [];
  for (const t of successors) {
    if ((t.executions[0]?.status ?? "NOT_STARTED") !== "NOT_STARTED") continue;
    const ready = t.incoming.every((p) => {
      const status = p.from.executions[0]?.status ?? "NOT_STARTED";
      return p.type === "FS" ? status === "DONE" || status === "SKIPPED" : status !== "NOT_STARTED";
    });
    if (!ready) continue;
    for (const a of t.assignees) targets.push({ userId: a.userId, ref: `task-${t.id}`, summary: `“${t.title}” can start: everything before it is done` });
  }
  return (await db.member.findMany({ where: { launchId, userId: { in: targets.map((t) => t.userId) } }, select: { userId: true } }))
    .flatMap((m) => targets.filter((t) => t.userId === m.userId));
}

export async function deliveriesFor(events: readonly DispatchedEvent[]): Promise<Delivery[]> {
  const launchIds = [...new Set(events.map((e) => e.launchId).filter((id): id is string => Boolean(id)))];
  const names = new Map((await db.launch.findMany({ where: { id: { in: launchIds } }, select: { id: true, name: true } })).map((l) => [l.id, l.name]));
  const out: Delivery[] = [];
  for (const e of events) {
    if (!e.launchId) continue;
    const launchName = names.get(e.launchId) ?? "A launch";
    for (const intent of intentsFor(e)) {
      const targets = await resolve(e.launchId, intent.audience);
      const allowed = new Set(recipients(targets.map((t) => t.userId), e.actorId));
      for (const t of targets) {
        if (!allowed.has(t.userId)) continue;
        const summary = t.summary ?? intent.summary;
        const ref = t.ref ? `${intent.ref}:${t.ref}` : intent.ref;
        out.push({
          userId: t.userId,
          kind: intent.kind,
          key: notificationKey(intent.kind, t.userId, ref),
          launchId: e.launchId,
          subject: `[${launchName}] ${summary}`,
          text: `${summary} on ${launchName}.`,
          link: `/launches/${e.launchId}${intent.path}`,
        });
      }
    }
  }
  return out;
}

export const notificationsReactor: Reactor = {
  name: "notifications",
  async react(events) {
    await deliver(await deliveriesFor(events));
    for (const windowId of new Set(events.map(windowOf).filter((id): id is string => Boolean(id)))) await syncReminder(windowId);
  },
};
