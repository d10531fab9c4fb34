import { describe, expect, it } from "vitest";
import { addStreamAction, addTaskAction, createRunbookAction, updateTaskAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { setNotificationPreferenceAction } from "@/app/(app)/settings/notifications/actions";
import { db } from "@/lib/db/client";
import type { DispatchedEvent } from "@/lib/jobs/dispatch";
import { actAs, createTestLaunch, createUser, type TestUser } from "@/lib/test/fixtures";
import { myNotificationPreferences } from "./preferences";
import { deliveriesFor } from "./reactor";

// Who gets what, resolved against real rows: the reactor's audiences (assignees, approvers, members,
// startable successors), always without the actor and without people who are not members any more.

let seq = 1_000_000;
const event = (launchId: string, actor: TestUser, type: string, payload: Record<string, unknown>): DispatchedEvent => ({
  id: String(seq++),
  launchId,
  actorId: actor.id,
  type,
  payload,
  at: new Date(),
});
const who = async (e: DispatchedEvent) => (await deliveriesFor([e])).map((d) => ({ userId: d.userId, kind: d.kind, subject: d.subject }));

async function team() {
  const [manager, engineer, approver, viewer] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const launch = await createTestLaunch(manager, [[engineer, "ENGINEER"], [approver, "APPROVER"], [viewer, "VIEWER"]]);
  return { manager, engineer, approver, viewer, launchId: launch.id };
}

describe("notification audiences", () => {
  it("tells a runbook task's assignees when its last predecessor finishes, and not before", async () => {
    const { manager, engineer, launchId } = await team();
    const runbook = await db.runbook.create({ data: { launchId } });
    const stream = await db.runbookStream.create({ data: { runbookId: runbook.id, name: "App" } });
    const task = (title: string, position: number, assignee?: TestUser) =>
      db.runbookTask.create({ data: { runbookId: runbook.id, streamId: stream.id, title, position, durationMin: 10, ...(assignee ? { assignees: { create: { userId: assignee.id } } } : {}) } });
    const [stop, drain, deploy, verify] = [await task("Stop traffic", 0), await task("Drain", 1), await task("Deploy", 2, engineer), await task("Verify", 3, engineer)];
    await db.runbookDependency.createMany({
      data: [
        { runbookId: runbook.id, fromId: stop.id, toId: deploy.id },
        { runbookId: runbook.id, fromId: drain.id, toId: verify.id },
        { runbookId: runbook.id, fromId: stop.id, toId: verify.id },
      ],
    });
    const run = await db.runbookRun.create({ data: { runbookId: runbook.id, kind: "LIVE", revision: 1, startAt: new Date() } });
    await db.runbookExecution.create({ data: { runId: run.id, taskId: stop.id, status: "DONE" } });
    const finished = event(launchId, manager, "runbook.task_finished", { runId: run.id, taskId: stop.id, title: "Stop traffic", runKind: "LIVE" });
    // "Verify" still waits for "Drain": only "Deploy" can start.
    expect(await who(finished)).toEqual([{ userId: engineer.id, kind: "startable", subject: expect.stringContaining("“Deploy” can start") }]);
    const deliveries = await deliveriesFor([finished]);
    expect(deliveries[0].key).toBe(`startable:${engineer.id}:event-${finished.id}:task-${deploy.id}`);
    // The engineer finishing it themself is not told.
    expect(await who({ ...finished, actorId: engineer.id })).toEqual([]);
  });

  it("asks a group's approvers for their sign-off, and tells those whose sign-off went stale", async () => {
    const { manager, approver, launchId } = await team();
    const group = await db.signoffGroup.create({ data: { launchId, name: "Security", approvers: { create: [{ userId: approver.id }, { userId: manager.id }] } } });
    expect(await who(event(launchId, manager, "signoff.group_created", { groupId: group.id, name: "Security" }))).toEqual([
      { userId: approver.id, kind: "signoff_requested", subject: expect.stringContaining("Your sign-off is requested for “Security”") },
    ]);
    const decision = await db.signoffDecision.create({ data: { launchId, groupId: group.id, approverId: approver.id, decision: "APPROVE", snapshot: {} } });
    expect(await who(event(launchId, manager, "signoff.stale", { decisionIds: [decision.id], reason: "“Backups” reopened" }))).toEqual([
      { userId: approver.id, kind: "signoff_stale", subject: expect.stringContaining("“Backups” reopened") },
    ]);
  });

  it("tells every other member of GO / NO-GO and of a Sev 1, and nobody of a Sev 2", async () => {
    const { manager, engineer, approver, viewer, launchId } = await team();
    const others = [engineer.id, approver.id, viewer.id].sort();
    const go = await who(event(launchId, manager, "go.decided", { outcome: "GO" }));
    expect(go.map((d) => d.userId).sort()).toEqual(others);
    expect(go.every((d) => d.kind === "go_decision" && d.subject.endsWith("GO recorded"))).toBe(true);
    const sev1 = await who(event(launchId, engineer, "incident.opened", { severity: 1, number: 4, title: "Payments down" }));
    expect(sev1.map((d) => d.userId).sort()).toEqual([manager.id, approver.id, viewer.id].sort());
    expect(await who(event(launchId, engineer, "incident.opened", { severity: 2, number: 5, title: "Slow" }))).toEqual([]);
  });

  it("tells nobody who is not a member of the launch (any more)", async () => {
    const { manager, engineer, launchId } = await team();
    const stranger = await createUser();
    expect(await who(event(launchId, manager, "item.assigned", { itemId: "x", title: "x", ownerId: stranger.id }))).toEqual([]);
    await db.member.deleteMany({ where: { launchId, userId: engineer.id } });
    expect(await who(event(launchId, manager, "item.assigned", { itemId: "x", title: "x", ownerId: engineer.id }))).toEqual([]);
  });
});

describe("runbook assignment events", () => {
  it("name the assignees a task gains, so only they are told", async () => {
    const { manager, engineer, launchId } = await team();
    const second = await createUser();
    await db.member.create({ data: { launchId, userId: second.id, role: "ENGINEER" } });
    actAs(manager);
    const ok = <T,>(r: { ok: true; data: T } | { ok: false; error: string }) => {
      if (!r.ok) throw new Error(r.error);
      return r.data;
    };
    ok(await createRunbookAction({ launchId, templateKey: "blank" }));
    const stream = ok(await addStreamAction({ launchId, name: "App" }));
    const task = ok(await addTaskAction({ launchId, streamId: stream.id, title: "Deploy", durationMin: 30, assigneeIds: [engineer.id] }));
    ok(await updateTaskAction({ launchId, taskId: task.id, version: task.version, streamId: stream.id, title: "Deploy", durationMin: 30, assigneeIds: [engineer.id, second.id] }));
    const events = (await db.event.findMany({ where: { launchId, type: { in: ["runbook.task_added", "runbook.task_updated"] } }, orderBy: { id: "asc" } })).map((e) => ({
      id: e.id.toString(), launchId: e.launchId, actorId: e.actorId, type: e.type, payload: e.payload as Record<string, unknown>, at: e.at,
    }));
    expect(events.map((e) => e.payload)).toMatchObject([{ assigneeIds: [engineer.id] }, { assigneesAdded: [second.id] }]);
    expect((await deliveriesFor(events)).map((d) => [d.userId, d.kind])).toEqual([[engineer.id, "assigned"], [second.id, "assigned"]]);
  });
});

describe("setNotificationPreferenceAction", () => {
  it("sets the signed-in user's own choice, back to the default, and refuses unknown kinds", async () => {
    const user = await createUser();
    actAs(user);
    expect(await setNotificationPreferenceAction({ notificationKind: "all", notificationMode: "DIGEST" })).toMatchObject({ ok: true });
    expect(await setNotificationPreferenceAction({ notificationKind: "sev1", notificationMode: "IMMEDIATE" })).toMatchObject({ ok: true });
    expect(await myNotificationPreferences(user.id)).toMatchObject({ all: "DIGEST", sev1: "IMMEDIATE", assigned: "DEFAULT" });
    expect(await setNotificationPreferenceAction({ notificationKind: "sev1", notificationMode: "DEFAULT" })).toMatchObject({ ok: true });
    expect((await myNotificationPreferences(user.id)).sev1).toBe("DEFAULT");
    const bad = await setNotificationPreferenceAction({ notificationKind: "everything" as "all", notificationMode: "LOUD" as "OFF" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    const audit = await db.event.findMany({ where: { actorId: user.id, type: "notification_preference.changed" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.payload)).toEqual([
      { kind: "all", mode: "DIGEST", via: "settings" },
      { kind: "sev1", mode: "IMMEDIATE", via: "settings" },
      { kind: "sev1", mode: "DEFAULT", via: "settings" },
    ]);
  });
});
