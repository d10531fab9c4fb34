import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeGroup, scheduleWindow, signoffWorld } from "@/lib/signoff/int-fixtures";
import { loadReadiness } from "./load";

const codes = async (launchId: string) => (await loadReadiness(launchId)).readiness.reasons.map((r) => r.code);

describe("loadReadiness", () => {
  it("moves NOT_READY -> AT_RISK -> READY as the gates close, reading dues relative to the window", async () => {
    const w = await signoffWorld();
    await db.checklistItem.update({ where: { id: w.backup.id }, data: { status: "TODO", dueAt: null, dueOffsetMinutes: -2880 } });
    const qa = await makeGroup(w.launchId, "QA", [w.ann]);

    let loaded = await loadReadiness(w.launchId);
    expect(loaded.readiness.state).toBe("NOT_READY");
    expect(await codes(w.launchId)).toEqual(["OPEN_REQUIRED_ITEMS", "SIGNOFF_MISSING", "NO_WINDOW"]);
    expect(loaded.items.find((i) => i.id === w.backup.id)?.dueAt).toBeNull();

    // A window far away: the gates are unmet but there is time, so AT_RISK; the T-2d due resolves.
    const window = await scheduleWindow(w.launchId, 24 * 10);
    loaded = await loadReadiness(w.launchId);
    expect(loaded.readiness.state).toBe("AT_RISK");
    expect(loaded.items.find((i) => i.id === w.backup.id)?.dueAt?.getTime()).toBe(window.startsAt.getTime() - 2 * 86_400_000);
    expect(loaded.dto.window).toEqual({ id: window.id, startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString(), status: "SCHEDULED" });

    await db.checklistItem.update({ where: { id: w.backup.id }, data: { status: "DONE" } });
    await db.signoffDecision.create({ data: { launchId: w.launchId, groupId: qa.id, approverId: w.ann.id, decision: "APPROVE", snapshot: {} } });
    loaded = await loadReadiness(w.launchId);
    expect(loaded.readiness.state).toBe("READY");
    expect(loaded.dto.reasons).toEqual([]);
    expect(JSON.parse(JSON.stringify(loaded.dto))).toEqual(loaded.dto);
  });

  it("reports a window in a freeze unless it carries an override, and a stale or withdrawn latest decision", async () => {
    const w = await signoffWorld();
    const qa = await makeGroup(w.launchId, "QA", [w.ann]);
    const window = await scheduleWindow(w.launchId, 100, { freeze: true });
    await db.signoffDecision.create({ data: { launchId: w.launchId, groupId: qa.id, approverId: w.ann.id, decision: "APPROVE", snapshot: {}, staleAt: new Date(), staleReason: "x" } });
    expect(await codes(w.launchId)).toEqual(["SIGNOFF_STALE", "WINDOW_IN_FREEZE"]);
    expect((await loadReadiness(w.launchId)).readiness.reasons.at(-1)?.message).toContain("Black Friday");

    await db.deploymentWindow.update({ where: { id: window.id }, data: { freezeOverrideReason: "Agreed with CAB" } });
    await db.signoffDecision.create({ data: { launchId: w.launchId, groupId: qa.id, approverId: w.ann.id, decision: "APPROVE", snapshot: {}, withdrawnAt: new Date() } });
    expect(await codes(w.launchId)).toEqual(["SIGNOFF_MISSING"]);
  });

  it("throws NotFound for an unknown launch", async () => {
    await expect(loadReadiness("nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
