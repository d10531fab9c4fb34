import { describe, expect, it } from "vitest";
import { createEnvironmentAction, createFreezeAction, updateEnvironmentAction, updateFreezeAction } from "@/app/(app)/admin/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, uid } from "@/lib/test/fixtures";
import { listFreezes } from "./queries";
import { createTestEnvironment } from "./test-helpers";

// Issue 14: freezes and environments are edited against the version the admin last saw.

const oneOff = (environmentId: string, reason = `Market open ${uid()}`) => ({
  kind: "ONE_OFF" as const,
  environmentId,
  start: "2031-06-07T06:00",
  end: "2031-06-07T12:00",
  timeZone: "Europe/Berlin",
  reason,
});
const everyDay = { kind: "WEEKLY" as const, weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: "00:00", endTime: "00:00" };

const freezeEvents = (freezeId: string) =>
  db.event.findMany({ where: { launchId: null, type: "freeze.updated", payload: { path: ["freezeId"], equals: freezeId } }, orderBy: { id: "asc" } });

async function adminWithFreeze() {
  const admin = await createUser({ isAdmin: true });
  const env = await createTestEnvironment();
  actAs(admin);
  const created = await createFreezeAction(oneOff(env.id));
  if (!created.ok) throw new Error(created.error);
  return { admin, env, freezeId: created.data.id };
}

describe("editing freezes", () => {
  it("prefills the form in the freeze's zone, turns a one-off freeze weekly (clearing its dates), audits it and counts the windows it catches", async () => {
    const { admin, env, freezeId } = await adminWithFreeze();
    const [dto] = (await listFreezes()).filter((f) => f.id === freezeId);
    expect(dto).toMatchObject({ version: 1, form: { freezeId, version: 1, kind: "ONE_OFF", start: "2031-06-07 06:00", end: "2031-06-07 12:00", timeZone: "Europe/Berlin", environmentId: env.id, weekdays: [] } });

    // A window in the coming month on this environment: the every-day freeze catches it.
    const launch = await createTestLaunch(admin);
    const startsAt = new Date(Date.now() + 20 * 86_400_000);
    await db.deploymentWindow.create({
      data: { launchId: launch.id, environmentId: env.id, status: "SCHEDULED", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), timeZone: "UTC" },
    });

    const reason = `Always frozen ${uid()}`;
    const saved = await updateFreezeAction({ freezeId, version: 1, environmentId: env.id, timeZone: "Europe/Berlin", reason, ...everyDay });
    expect(saved).toMatchObject({ ok: true, data: { version: 2, description: "Every day 00:00–00:00 (next day) Europe/Berlin", windowsCaught: 1, unchanged: false } });
    const row = await db.freeze.findUniqueOrThrow({ where: { id: freezeId } });
    expect(row).toMatchObject({ kind: "WEEKLY", version: 2, reason, startsAt: null, endsAt: null, weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: "00:00", endTime: "00:00" });

    const [event] = await freezeEvents(freezeId);
    expect(event).toMatchObject({ actorId: admin.id });
    expect(event.payload).toMatchObject({
      reason,
      fields: expect.arrayContaining(["kind", "reason", "startsAt", "endsAt", "weekdays", "startTime", "endTime"]),
      from: { description: expect.stringContaining("Europe/Berlin"), reason: dto.reason, environment: env.name },
    });

    // And back: weekly to one-off clears the weekly columns.
    expect(await updateFreezeAction({ ...oneOff(env.id, reason), freezeId, version: 2 })).toMatchObject({ ok: true, data: { version: 3, windowsCaught: 0 } });
    expect(await db.freeze.findUniqueOrThrow({ where: { id: freezeId } })).toMatchObject({ kind: "ONE_OFF", weekdays: [], startTime: null, endTime: null });
    // Saving what is already stored changes nothing and writes no event.
    expect(await updateFreezeAction({ ...oneOff(env.id, reason), freezeId, version: 3 })).toMatchObject({ ok: true, data: { version: 3, unchanged: true } });
    expect(await freezeEvents(freezeId)).toHaveLength(2);
  });

  it("refuses a stale version with CONFLICT naming the freeze as it is now, and writes nothing", async () => {
    const { env, freezeId } = await adminWithFreeze();
    const reason = `Quarter close ${uid()}`;
    expect(await updateFreezeAction({ ...oneOff(env.id, reason), freezeId, version: 1 })).toMatchObject({ ok: true });
    const before = await db.freeze.findUniqueOrThrow({ where: { id: freezeId } });

    const stale = await updateFreezeAction({ ...oneOff(env.id, "My older idea"), end: "2031-06-08T12:00", freezeId, version: 1 });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, reason } });
    expect(!stale.ok && stale.error).toContain(`it is now “${reason}”`);
    expect(await db.freeze.findUniqueOrThrow({ where: { id: freezeId } })).toEqual(before);
    expect(await freezeEvents(freezeId)).toHaveLength(1);
  });

  it("lets exactly one of two concurrent edits of the same version win; the loser is told what the winner saved", async () => {
    const { env, freezeId } = await adminWithFreeze();
    const reasons = [`Alice ${uid()}`, `Bob ${uid()}`];
    const results = await Promise.all(reasons.map((reason) => updateFreezeAction({ ...oneOff(env.id, reason), freezeId, version: 1 })));
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    const row = await db.freeze.findUniqueOrThrow({ where: { id: freezeId } });
    expect(row.version).toBe(2);
    const winner = reasons[results.indexOf(winners[0])];
    expect(row.reason).toBe(winner);
    expect(!losers[0].ok && losers[0].error).toContain(winner);
    expect(await freezeEvents(freezeId)).toHaveLength(1);
  });

  it("refuses non-admins (before judging their input) and writes nothing", async () => {
    const { env, freezeId } = await adminWithFreeze();
    const manager = await createUser();
    actAs(manager);
    const before = await db.freeze.findUniqueOrThrow({ where: { id: freezeId } });
    expect(await updateFreezeAction({ ...oneOff(env.id, "Mine now"), freezeId, version: 1 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const garbage = await updateFreezeAction({ freezeId, version: "x" } as never);
    expect(garbage).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(garbage).not.toHaveProperty("fieldErrors");
    expect(await updateEnvironmentAction({ environmentId: env.id, version: 1, name: `taken-${uid()}` })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.freeze.findUniqueOrThrow({ where: { id: freezeId } })).toEqual(before);
    expect((await db.environment.findUniqueOrThrow({ where: { id: env.id } })).version).toBe(1);
  });
});

describe("editing environments", () => {
  it("renames with an audit event naming the old name; a name already taken or a stale version is a CONFLICT", async () => {
    const admin = await createUser({ isAdmin: true });
    actAs(admin);
    const [a, b] = [`env-a-${uid()}`, `env-b-${uid()}`];
    const created = await createEnvironmentAction({ name: a, description: "Frankfurt" });
    expect(await createEnvironmentAction({ name: b })).toMatchObject({ ok: true });
    if (!created.ok) throw new Error(created.error);
    const environmentId = created.data.id;

    expect(await updateEnvironmentAction({ environmentId, version: 1, name: b, description: "Frankfurt" })).toMatchObject({ ok: false, code: "CONFLICT" });
    const renamed = `${a}-eu`;
    expect(await updateEnvironmentAction({ environmentId, version: 1, name: renamed, description: "Frankfurt" })).toMatchObject({ ok: true, data: { name: renamed, version: 2 } });
    const event = await db.event.findFirstOrThrow({ where: { type: "environment.updated", payload: { path: ["environmentId"], equals: environmentId } } });
    expect(event).toMatchObject({ actorId: admin.id, launchId: null, payload: { environment: renamed, fields: ["name"], from: { environment: a, description: "Frankfurt" } } });

    const stale = await updateEnvironmentAction({ environmentId, version: 1, name: `${a}-old`, description: "" });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { name: renamed, version: 2 } });
    expect(await db.environment.findUniqueOrThrow({ where: { id: environmentId } })).toMatchObject({ name: renamed, description: "Frankfurt", version: 2 });
  });
});
