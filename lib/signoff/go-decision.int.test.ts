import { beforeEach, describe, expect, it } from "vitest";
import { recordGoDecisionAction, transitionLaunchAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { db } from "@/lib/db/client";
import { actAs, eventsOf } from "@/lib/test/fixtures";
import { makeGroup, scheduleWindow, signoffWorld, type SignoffWorld } from "./int-fixtures";
import { transitionLaunch } from "./commands";

let w: SignoffWorld;
beforeEach(async () => {
  w = await signoffWorld();
});
const status = async () => (await db.launch.findUniqueOrThrow({ where: { id: w.launchId } })).status;
// There is no manual READY any more: a launch is PLANNING until its go/no-go.
const toReady = async () => {
  actAs(w.manager);
  expect(await transitionLaunchAction({ launchId: w.launchId, to: "READY" })).toMatchObject({ ok: false, code: "VALIDATION" });
};
const go = (overrideReason = "") => recordGoDecisionAction({ launchId: w.launchId, outcome: "GO", notes: "", overrideReason });

describe("the go/no-go decision", () => {
  it("refuses engineers, approvers and viewers", async () => {
    await toReady();
    for (const user of [w.engineer, w.ann, w.viewer]) {
      actAs(user);
      expect(await go("We accept the risk")).toMatchObject({ ok: false, code: "FORBIDDEN", error: "Only the launch's managers can record the go/no-go decision." });
    }
    expect(await status()).toBe("PLANNING");
    expect(await db.goDecision.count({ where: { launchId: w.launchId } })).toBe(0);
  });

  it("refuses GO when not READY without an override reason, then records the override and audits it", async () => {
    await toReady();
    const refused = await go();
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { overrideReason: [expect.any(String)] } });
    expect(await go("   short  ")).toMatchObject({ ok: false, error: expect.stringContaining("at least 10 characters") });
    expect(await status()).toBe("PLANNING");

    const result = await go("CAB approved the risk; window cannot move");
    expect(result).toMatchObject({ ok: true, data: { status: "GO", overridden: true } });
    const row = await db.goDecision.findFirstOrThrow({ where: { launchId: w.launchId } });
    expect(row).toMatchObject({ outcome: "GO", overrideReason: "CAB approved the risk; window cannot move", decidedById: w.manager.id });
    expect(row.snapshot).toMatchObject({ state: "NOT_READY" });
    const events = (await eventsOf(w.launchId)).slice(-2);
    expect(events.map((e) => e.type)).toEqual(["go.decided", "launch.status_changed"]);
    expect(events[0].payload).toMatchObject({ outcome: "GO", overrideReason: "CAB approved the risk; window cannot move", overriddenReasons: expect.arrayContaining([expect.stringContaining("No deployment window")]) });
    expect(await status()).toBe("GO");
  });

  it("allows GO without override when READY", async () => {
    const qa = await makeGroup(w.launchId, "QA", [w.ann]);
    await db.signoffDecision.create({ data: { launchId: w.launchId, groupId: qa.id, approverId: w.ann.id, decision: "APPROVE", snapshot: {} } });
    await scheduleWindow(w.launchId, 72);
    await toReady();
    expect(await go()).toMatchObject({ ok: true, data: { overridden: false } });
    expect((await db.goDecision.findFirstOrThrow({ where: { launchId: w.launchId } })).overrideReason).toBeNull();
  });

  it("requires reasons and a next step for NO_GO", async () => {
    actAs(w.manager);
    const bare = await recordGoDecisionAction({ launchId: w.launchId, outcome: "NO_GO" });
    expect(bare).toMatchObject({ ok: false, fieldErrors: { notes: [expect.any(String)], nextStep: [expect.any(String)] } });
    const ok = await recordGoDecisionAction({ launchId: w.launchId, outcome: "NO_GO", notes: "Backups failing", nextStep: "Replan for next Saturday" });
    expect(ok).toMatchObject({ ok: true, data: { status: "NO_GO" } });
    expect(await db.goDecision.findFirstOrThrow({ where: { launchId: w.launchId } })).toMatchObject({ nextStep: "Replan for next Saturday", notes: "Backups failing" });
  });

  it("moves a legacy READY launch like a planning one", async () => {
    await db.launch.update({ where: { id: w.launchId }, data: { status: "READY" } });
    actAs(w.manager);
    expect(await go("CAB approved the risk; window cannot move")).toMatchObject({ ok: true, data: { status: "GO", overridden: true } });
  });
});

describe("the launch lifecycle", () => {
  it("refuses an illegal transition with the lifecycle's message, and moves needing a go/no-go", async () => {
    actAs(w.manager);
    expect(await transitionLaunchAction({ launchId: w.launchId, to: "LIVE" })).toMatchObject({
      ok: false, code: "VALIDATION", error: "A launch can’t go from planning to live; from planning it can move to go, no-go or cancelled.",
    });
    await toReady();
    expect(await transitionLaunchAction({ launchId: w.launchId, to: "GO" })).toMatchObject({ ok: false, error: expect.stringContaining("go/no-go decision") });
    expect(await status()).toBe("PLANNING");
  });

  it("refuses non-managers and a stale 'from'", async () => {
    actAs(w.engineer);
    expect(await transitionLaunchAction({ launchId: w.launchId, to: "CANCELLED" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(w.manager);
    expect(await transitionLaunchAction({ launchId: w.launchId, to: "PLANNING", from: "NO_GO" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("lets one of two concurrent transitions win; the other gets a conflict with the current status", async () => {
    const moves = await Promise.allSettled([
      transitionLaunch(w.manager.actor, { launchId: w.launchId, to: "CANCELLED" }),
      transitionLaunch(w.manager.actor, { launchId: w.launchId, to: "CANCELLED" }),
    ]);
    const won = moves.filter((m) => m.status === "fulfilled");
    const lost = moves.filter((m) => m.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    expect(await status()).toBe(winner);
    expect((await eventsOf(w.launchId)).filter((e) => e.type === "launch.status_changed")).toHaveLength(1);
  });
});
