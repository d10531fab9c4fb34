import { describe, expect, it } from "vitest";
import { createEnvironmentAction, createFreezeAction, deleteFreezeAction } from "@/app/(app)/admin/actions";
import { moveWindowAction, scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf, uid } from "@/lib/test/fixtures";
import { getReadinessWindowInfo } from "./queries";
import { createTestEnvironment, windowInput, windowsOn } from "./test-helpers";

// Berlin business hours; 7 Jun 2031 is a Saturday, 9 Jun a Monday.
const businessHours = (environmentId: string) => ({
  kind: "WEEKLY" as const,
  environmentId,
  weekdays: [1, 2, 3, 4, 5],
  startTime: "08:00",
  endTime: "18:00",
  timeZone: "Europe/Berlin",
  reason: `Business hours ${uid()}`,
});

describe("freezes", () => {
  it("only instance admins create environments and freezes; the command refuses everyone else and writes nothing", async () => {
    const manager = await createUser();
    const env = await createTestEnvironment();
    actAs(manager);
    expect(await createFreezeAction(businessHours(env.id))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createEnvironmentAction({ name: `prod-${uid()}` })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.freeze.count({ where: { environmentId: env.id } })).toBe(0);

    const admin = await createUser({ isAdmin: true });
    actAs(admin);
    const name = `prod-${uid()}`;
    expect(await createEnvironmentAction({ name })).toMatchObject({ ok: true, data: { name } });
    expect(await createEnvironmentAction({ name })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await createEnvironmentAction({ name: "Prod EU!" })).toMatchObject({ ok: false, code: "VALIDATION" });
    const freeze = await createFreezeAction(businessHours(env.id));
    expect(freeze).toMatchObject({ ok: true, data: { description: "Mon–Fri 08:00–18:00 Europe/Berlin" } });
    const events = await db.event.findMany({ where: { launchId: null, type: { in: ["freeze.created", "environment.created"] }, actorId: admin.id } });
    expect(events.map((e) => e.type).sort()).toEqual(["environment.created", "freeze.created"]);
    if (!freeze.ok) return;
    actAs(manager);
    expect(await deleteFreezeAction({ freezeId: freeze.data.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(admin);
    expect(await deleteFreezeAction({ freezeId: freeze.data.id })).toMatchObject({ ok: true });
    expect(await deleteFreezeAction({ freezeId: freeze.data.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses scheduling into a freeze without a written reason, and stores and audits the override", async () => {
    const admin = await createUser({ isAdmin: true });
    const env = await createTestEnvironment();
    actAs(admin);
    const freeze = businessHours(env.id);
    expect((await createFreezeAction(freeze)).ok).toBe(true);

    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    actAs(manager);
    // Monday 9 Jun 2031, 09:00–11:00 London = 10:00–12:00 Berlin: inside business hours.
    const monday = windowInput(launch.id, env.id, { start: "2031-06-09T09:00", end: "2031-06-09T11:00" });
    const refused = await scheduleWindowAction(monday);
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { freezeOverrideReason: [expect.any(String)] } });
    expect(!refused.ok && refused.error).toContain(`falls in a freeze: Mon–Fri 08:00–18:00 Europe/Berlin (${freeze.reason})`);
    expect(await scheduleWindowAction({ ...monday, freezeOverrideReason: "   " })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await windowsOn(env.id)).toHaveLength(0);

    // Proposing is allowed: the freeze only guards the environment being held.
    expect(await scheduleWindowAction({ ...monday, status: "PROPOSED" })).toMatchObject({ ok: true });
    const ok = await scheduleWindowAction({ ...monday, start: "2031-06-10T09:00", end: "2031-06-10T11:00", freezeOverrideReason: "Regulator deadline" });
    expect(ok).toMatchObject({ ok: true });
    const scheduled = (await windowsOn(env.id)).find((w) => w.status === "SCHEDULED")!;
    expect(scheduled.freezeOverrideReason).toBe("Regulator deadline");
    const event = (await eventsOf(launch.id)).find((e) => e.type === "window.scheduled");
    expect(event?.payload).toMatchObject({ freezeOverrideReason: "Regulator deadline", freezes: [expect.stringContaining(freeze.reason)] });

    // Readiness sees an overridden freeze as fine.
    expect(await getReadinessWindowInfo(launch.id)).toMatchObject({ window: { id: scheduled.id }, freezeWithoutOverride: false });

    // Moving it out of the freeze (Saturday) drops the override; a Saturday window needs none.
    const moved = await moveWindowAction({ ...windowInput(launch.id, env.id), windowId: scheduled.id, version: 1 });
    expect(moved).toMatchObject({ ok: true });
    expect((await db.deploymentWindow.findUniqueOrThrow({ where: { id: scheduled.id } })).freezeOverrideReason).toBeNull();
  });

  it("the clash suggestion skips freeze occurrences", async () => {
    const admin = await createUser({ isAdmin: true });
    const env = await createTestEnvironment();
    actAs(admin);
    await createFreezeAction({ kind: "ONE_OFF", environmentId: env.id, start: "2031-06-07T06:00", end: "2031-06-07T12:00", timeZone: "Europe/London", reason: "Market open" });
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    actAs(manager);
    expect((await scheduleWindowAction(windowInput(launch.id, env.id))).ok).toBe(true);
    const clash = await scheduleWindowAction(windowInput(launch.id, env.id, { start: "2031-06-07T02:00", end: "2031-06-07T04:00" }));
    // 05:00–06:00 is too short for two hours; the freeze runs to 12:00 London.
    expect(!clash.ok && clash.error).toContain("Next free slot of the same length: Sat 7 Jun 2031, 12:00 BST.");
  });
});
