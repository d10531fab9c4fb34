import { beforeEach, describe, expect, it } from "vitest";
import { decideAction } from "@/app/(app)/launches/[launchId]/signoffs/actions";
import { db } from "@/lib/db/client";
import { loadReadiness } from "@/lib/readiness/load";
import { runLaunchCommand } from "@/lib/server/command";
import { gateChanged } from "@/lib/server/hooks";
import { actAs, eventsOf } from "@/lib/test/fixtures";
import { liveDecisions, makeGroup, scheduleWindow, signoffWorld, type SignoffWorld } from "./int-fixtures";

let w: SignoffWorld;
let qaId: string;
beforeEach(async () => {
  w = await signoffWorld();
  qaId = (await makeGroup(w.launchId, "QA", [w.ann, w.bob], "ALL")).id;
  await scheduleWindow(w.launchId, 72);
  for (const user of [w.ann, w.bob]) {
    actAs(user);
    expect(await decideAction({ launchId: w.launchId, groupId: qaId, decision: "APPROVE", comment: "" })).toMatchObject({ ok: true });
  }
});

/** What the checklist does when an engineer reopens a done item: the change and the hook, in one command. */
async function reopen(item: { id: string; title: string }) {
  await runLaunchCommand(w.manager.actor, w.launchId, "item.update.any", async (ctx) => {
    await ctx.tx.checklistItem.update({ where: { id: item.id }, data: { status: "IN_PROGRESS" } });
    ctx.emit({ type: "item.status_changed", payload: { itemId: item.id, title: item.title, from: "DONE", to: "IN_PROGRESS" } });
    await gateChanged(ctx, { kind: "item_regressed", itemId: item.id, title: item.title });
  });
}

describe("stale sign-offs", () => {
  it("starts READY with both approvals live", async () => {
    expect((await loadReadiness(w.launchId)).readiness.state).toBe("READY");
  });

  it("marks every earlier live decision stale with the reason, in one event, and readiness drops", async () => {
    await reopen(w.backup);
    expect(await liveDecisions(w.launchId)).toEqual([]);
    const stale = await db.signoffDecision.findMany({ where: { launchId: w.launchId, staleAt: { not: null } } });
    expect(stale).toHaveLength(2);
    expect(stale.every((d) => d.staleReason === "“DB backup verified” reopened (was done) after you signed")).toBe(true);

    const events = (await eventsOf(w.launchId)).slice(-2);
    expect(events.map((e) => e.type)).toEqual(["item.status_changed", "signoff.stale"]);
    expect(events[1].payload).toMatchObject({ count: 2, decisionIds: expect.arrayContaining(stale.map((d) => d.id)) });

    const { readiness } = await loadReadiness(w.launchId);
    expect(readiness.state).not.toBe("READY");
    expect(readiness.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["OPEN_REQUIRED_ITEMS", "SIGNOFF_STALE"]));
    expect(readiness.groups[qaId]).toMatchObject({ status: "PENDING", approvals: 0, staleCount: 2 });
  });

  it("leaves decisions given after the change live, and emits nothing when nothing is live", async () => {
    await reopen(w.backup);
    actAs(w.ann);
    await decideAction({ launchId: w.launchId, groupId: qaId, decision: "APPROVE", comment: "" });
    const eventsBefore = (await eventsOf(w.launchId)).length;
    await db.signoffDecision.updateMany({ where: { launchId: w.launchId, staleAt: null }, data: { withdrawnAt: new Date() } });
    await reopen(w.smoke);
    const after = await eventsOf(w.launchId);
    expect(after.slice(eventsBefore).map((e) => e.type)).toEqual(["item.status_changed"]);
  });

  it("goes stale when the window moves", async () => {
    await runLaunchCommand(w.manager.actor, w.launchId, "window.manage", (ctx) =>
      gateChanged(ctx, { kind: "window_moved", windowId: "w", description: "from Sat 02:00 to Sun 03:00 BST" }),
    );
    const [d] = await db.signoffDecision.findMany({ where: { launchId: w.launchId, staleAt: { not: null } } });
    expect(d.staleReason).toBe("The deployment window moved from Sat 02:00 to Sun 03:00 BST after you signed");
  });
});
