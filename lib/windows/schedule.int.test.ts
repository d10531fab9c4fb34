import { describe, expect, it } from "vitest";
import { scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf } from "@/lib/test/fixtures";
import { createTestEnvironment, windowInput, windowsOn } from "./test-helpers";

describe("scheduling a window", () => {
  it("schedules, audits, and refuses an overlapping window naming the clash and the next free slot", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager, [], `Billing v2 ${manager.id.slice(0, 4)}`);
    const env = await createTestEnvironment("prod");
    actAs(manager);

    const first = await scheduleWindowAction(windowInput(launch.id, env.id, { notes: "Flip DNS" }));
    expect(first).toMatchObject({ ok: true, data: { status: "SCHEDULED", version: 1 } });
    const second = await scheduleWindowAction(windowInput(launch.id, env.id, { start: "2031-06-07T04:00", end: "2031-06-07T06:00" }));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.code).toBe("CONFLICT");
    // 01:00–05:00 BST is taken; the next 2-hour slot starts when it ends.
    expect(second.error).toBe(
      `Clashes with Billing v2 ${manager.id.slice(0, 4)} window on ${env.name} Sat 7 Jun 2031, 01:00 BST – 05:00 BST. Next free slot of the same length: Sat 7 Jun 2031, 05:00 BST.`,
    );
    expect(second.current).toMatchObject({ suggestion: "2031-06-07T04:00:00.000Z" });

    const rows = await windowsOn(env.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ notes: "Flip DNS", timeZone: "Europe/London", createdById: manager.id });
    expect(rows[0].startsAt.toISOString()).toBe("2031-06-07T00:00:00.000Z");
    const events = (await eventsOf(launch.id)).filter((e) => e.type.startsWith("window."));
    expect(events.map((e) => e.type)).toEqual(["window.scheduled"]);
    expect(events[0].payload).toMatchObject({ environment: env.name, start: "2031-06-07T00:00:00.000Z", timeZone: "Europe/London" });
  });

  it("lets a window start exactly when another ends, and lets proposals overlap freely", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const env = await createTestEnvironment();
    actAs(manager);
    expect((await scheduleWindowAction(windowInput(launch.id, env.id))).ok).toBe(true);
    expect((await scheduleWindowAction(windowInput(launch.id, env.id, { start: "2031-06-07T05:00", end: "2031-06-07T07:00" }))).ok).toBe(true);
    expect((await scheduleWindowAction(windowInput(launch.id, env.id, { status: "PROPOSED" }))).ok).toBe(true);
    expect(await windowsOn(env.id)).toHaveLength(3);
  });

  it("50 concurrent requests for overlapping windows on one environment: exactly one wins, the rest get the clash message", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const env = await createTestEnvironment("race");
    actAs(manager);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        scheduleWindowAction(windowInput(launch.id, env.id, { start: `2031-06-07T01:${String(i).padStart(2, "0")}`, end: "2031-06-07T06:00" })),
      ),
    );
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    // On failure, say what the losers were told (a refusal other than the clash is the bug to find).
    const told = JSON.stringify([...new Set(losses.map((r) => (r.ok ? "" : `${r.code}: ${r.error.slice(0, 120)}`)))]);
    expect(wins, told).toHaveLength(1);
    expect(losses, told).toHaveLength(49);
    for (const r of losses) {
      expect(r).toMatchObject({ code: "CONFLICT" });
      expect(!r.ok && r.error).toMatch(new RegExp(`^Clashes with Launch \\w+ window on ${env.name} .*Next free slot of the same length: `));
    }
    expect(await db.deploymentWindow.count({ where: { environmentId: env.id } })).toBe(1);
    expect((await eventsOf(launch.id)).filter((e) => e.type === "window.scheduled")).toHaveLength(1);
  });

  it("windows on different environments never clash, even concurrently", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const envs = await Promise.all(Array.from({ length: 8 }, () => createTestEnvironment("multi")));
    actAs(manager);
    const results = await Promise.all(envs.map((env) => scheduleWindowAction(windowInput(launch.id, env.id))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.deploymentWindow.count({ where: { environmentId: { in: envs.map((e) => e.id) }, status: "SCHEDULED" } })).toBe(8);
  });

  it("only managers schedule: engineers, approvers and viewers are refused, non-members told nothing; nothing is written", async () => {
    const manager = await createUser();
    const [engineer, approver, viewer, stranger] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
    const launch = await createTestLaunch(manager, [[engineer, "ENGINEER"], [approver, "APPROVER"], [viewer, "VIEWER"]]);
    const env = await createTestEnvironment();
    for (const user of [engineer, approver, viewer]) {
      actAs(user);
      expect(await scheduleWindowAction(windowInput(launch.id, env.id))).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
        error: "Only the launch's managers can schedule and move windows.",
      });
    }
    actAs(stranger);
    expect(await scheduleWindowAction(windowInput(launch.id, env.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    actAs(null);
    expect(await scheduleWindowAction(windowInput(launch.id, env.id))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await windowsOn(env.id)).toHaveLength(0);
    expect((await eventsOf(launch.id)).filter((e) => e.type.startsWith("window."))).toHaveLength(0);
  });

  it("refuses bad input with a specific message and writes nothing", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const env = await createTestEnvironment();
    actAs(manager);
    const backwards = await scheduleWindowAction(windowInput(launch.id, env.id, { end: "2031-06-07T00:30" }));
    expect(backwards).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { end: ["The window must end after it starts"] } });
    const outside = await scheduleWindowAction(windowInput(launch.id, env.id, { checkpoint: "2031-06-07T06:00" }));
    expect(outside).toMatchObject({ ok: false, fieldErrors: { checkpoint: [expect.stringContaining("between the window's start and end")] } });
    const unknownEnv = await scheduleWindowAction(windowInput(launch.id, "no-such-env"));
    expect(unknownEnv).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { environmentId: ["Unknown environment"] } });
    expect(await windowsOn(env.id)).toHaveLength(0);
  });

  it("keeps wall-clock times across the spring-forward night in London", async () => {
    const manager = await createUser();
    const launch = await createTestLaunch(manager);
    const env = await createTestEnvironment();
    actAs(manager);
    // 30 Mar 2031: 01:00 GMT jumps to 02:00 BST, so 00:30–03:30 on the wall clock lasts two hours.
    const r = await scheduleWindowAction(windowInput(launch.id, env.id, { start: "2031-03-30T00:30", end: "2031-03-30T03:30" }));
    expect(r.ok).toBe(true);
    const [w] = await windowsOn(env.id);
    expect([w.startsAt.toISOString(), w.endsAt.toISOString()]).toEqual(["2031-03-30T00:30:00.000Z", "2031-03-30T02:30:00.000Z"]);
  });
});
