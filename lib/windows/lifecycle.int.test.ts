import { describe, expect, it } from "vitest";
import {
  cancelWindowAction,
  moveWindowAction,
  scheduleWindowAction,
  transitionWindowAction,
} from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf } from "@/lib/test/fixtures";
import { createTestEnvironment, windowInput } from "./test-helpers";

/** An approval given now, which a later gate regression must make stale. */
async function approvalOn(launchId: string) {
  const approver = await createUser();
  await db.member.create({ data: { launchId, userId: approver.id, role: "APPROVER" } });
  const group = await db.signoffGroup.create({ data: { launchId, name: "Ops", approvers: { create: { userId: approver.id } } } });
  return db.signoffDecision.create({ data: { launchId, groupId: group.id, approverId: approver.id, decision: "APPROVE", snapshot: {} } });
}

async function setup() {
  const manager = await createUser();
  const launch = await createTestLaunch(manager);
  const env = await createTestEnvironment();
  actAs(manager);
  return { manager, launch, env };
}

describe("moving and running a window", () => {
  it("moves with a version check: a stale version is a conflict showing the current state, and nothing is overwritten", async () => {
    const { launch, env } = await setup();
    const created = await scheduleWindowAction(windowInput(launch.id, env.id));
    if (!created.ok) throw new Error(created.error);
    const approval = await approvalOn(launch.id);
    const move = (start: string, end: string) =>
      moveWindowAction({ ...windowInput(launch.id, env.id, { start, end }), windowId: created.data.id, version: 1 });
    const [a, b] = await Promise.all([move("2031-06-08T01:00", "2031-06-08T05:00"), move("2031-06-09T01:00", "2031-06-09T05:00")]);
    const [won, lost] = a.ok ? [a, b] : [b, a];
    expect(won).toMatchObject({ ok: true, data: { version: 2 } });
    expect(lost).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, status: "SCHEDULED" } });
    expect(!lost.ok && lost.error).toMatch(/^User \w+ changed this window while you were editing it\. It is now scheduled on /);
    const row = await db.deploymentWindow.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.version).toBe(2);
    // The scheduled window moved: the sign-off given before it went stale in the same transaction.
    const stale = await db.signoffDecision.findUniqueOrThrow({ where: { id: approval.id } });
    expect(stale.staleAt).not.toBeNull();
    expect(stale.staleReason).toMatch(/window/i);
    expect((await eventsOf(launch.id)).filter((e) => e.type === "window.updated")).toHaveLength(1);
  });

  it("refuses a move onto another scheduled window with the clash message", async () => {
    const { launch, env } = await setup();
    await scheduleWindowAction(windowInput(launch.id, env.id));
    const other = await scheduleWindowAction(windowInput(launch.id, env.id, { start: "2031-06-08T01:00", end: "2031-06-08T03:00" }));
    if (!other.ok) throw new Error(other.error);
    const moved = await moveWindowAction({ ...windowInput(launch.id, env.id, { start: "2031-06-07T02:00", end: "2031-06-07T04:00" }), windowId: other.data.id, version: 1 });
    expect(moved).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!moved.ok && moved.error).toContain("Next free slot of the same length: Sat 7 Jun 2031, 05:00 BST");
  });

  it("runs the lifecycle, recording actual start and end, and refuses impossible steps", async () => {
    const { launch, env } = await setup();
    const proposed = await scheduleWindowAction(windowInput(launch.id, env.id, { status: "PROPOSED" }));
    if (!proposed.ok) throw new Error(proposed.error);
    const step = (to: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "PROPOSED", version: number) =>
      transitionWindowAction({ launchId: launch.id, windowId: proposed.data.id, version, to });
    expect(await step("IN_PROGRESS", 1)).toMatchObject({ ok: false, code: "VALIDATION", error: expect.stringContaining("can only become scheduled or cancelled") });
    expect(await step("SCHEDULED", 1)).toMatchObject({ ok: true, data: { version: 2, status: "SCHEDULED" } });
    expect(await step("IN_PROGRESS", 2)).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await step("COMPLETED", 3)).toMatchObject({ ok: true, data: { version: 4 } });
    const row = await db.deploymentWindow.findUniqueOrThrow({ where: { id: proposed.data.id } });
    expect(row.status).toBe("COMPLETED");
    expect(row.actualStartAt).toBeInstanceOf(Date);
    expect(row.actualEndAt!.getTime()).toBeGreaterThanOrEqual(row.actualStartAt!.getTime());
    expect(await cancelWindowAction({ launchId: launch.id, windowId: row.id, version: 4 })).toMatchObject({ ok: false, code: "VALIDATION" });
    const types = (await eventsOf(launch.id)).map((e) => e.type).filter((t) => t.startsWith("window."));
    expect(types).toEqual(["window.proposed", "window.scheduled", "window.status_changed", "window.status_changed"]);
  });

  it("scheduling a proposal that now clashes is refused; cancelling frees the environment", async () => {
    const { launch, env } = await setup();
    const proposal = await scheduleWindowAction(windowInput(launch.id, env.id, { status: "PROPOSED" }));
    const holder = await scheduleWindowAction(windowInput(launch.id, env.id));
    if (!proposal.ok || !holder.ok) throw new Error("setup failed");
    const refused = await transitionWindowAction({ launchId: launch.id, windowId: proposal.data.id, version: 1, to: "SCHEDULED" });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await cancelWindowAction({ launchId: launch.id, windowId: holder.data.id, version: 1, reason: "Vendor slipped" })).toMatchObject({ ok: true });
    expect(await transitionWindowAction({ launchId: launch.id, windowId: proposal.data.id, version: 1, to: "SCHEDULED" })).toMatchObject({ ok: true });
    const cancelled = (await eventsOf(launch.id)).find((e) => e.type === "window.cancelled");
    expect(cancelled?.payload).toMatchObject({ reason: "Vendor slipped", environment: env.name });
  });

  it("a manager of one launch cannot touch another launch's window", async () => {
    const { launch, env } = await setup();
    const created = await scheduleWindowAction(windowInput(launch.id, env.id));
    if (!created.ok) throw new Error(created.error);
    const intruder = await createUser();
    const own = await createTestLaunch(intruder);
    actAs(intruder);
    // Their own launch id with someone else's window id: the launch id stays in the where clause.
    expect(await cancelWindowAction({ launchId: own.id, windowId: created.data.id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await cancelWindowAction({ launchId: launch.id, windowId: created.data.id, version: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.deploymentWindow.findUniqueOrThrow({ where: { id: created.data.id } })).status).toBe("SCHEDULED");
  });
});
