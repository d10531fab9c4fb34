import { beforeEach, describe, expect, it } from "vitest";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { createLaunchAction } from "@/app/(app)/launches/actions";
import { db } from "@/lib/db/client";
import { actAs, createTestLaunch, createUser, eventsOf, type TestUser } from "@/lib/test/fixtures";

let manager: TestUser;
let viewer: TestUser;
let launchId: string;

beforeEach(async () => {
  manager = await createUser();
  viewer = await createUser();
  launchId = (await createTestLaunch(manager, [[viewer, "VIEWER"]])).id;
});

const memberOf = (userId: string) => db.member.findFirst({ where: { launchId, userId } });

describe("launches and members", () => {
  it("creates a launch with its creator as manager and a launch.created event", async () => {
    actAs(manager);
    const result = await createLaunchAction({ name: "Core cutover", system: "Core", timeZone: "America/New_York" });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : "";
    expect(await db.member.findFirst({ where: { launchId: id, userId: manager.id } })).toMatchObject({ role: "MANAGER" });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(["launch.created"]);
  });

  it("refuses an invalid time zone with a field error and writes nothing", async () => {
    actAs(manager);
    const before = await db.launch.count();
    const result = await createLaunchAction({ name: "Core cutover", system: "Core", timeZone: "Mars/Olympus" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { timeZone: [expect.stringMatching(/IANA/)] } });
    expect(await db.launch.count()).toBe(before);
  });

  it("adding a member by email invites them: no membership until they accept (lib/launches/invitations.int.test.ts)", async () => {
    const newcomer = await createUser();
    actAs(manager);
    const result = await addMemberAction({ launchId, email: newcomer.email.toUpperCase(), role: "ENGINEER" });
    expect(result).toMatchObject({ ok: true, data: { email: newcomer.email, role: "ENGINEER" } });
    expect(await memberOf(newcomer.id)).toBeNull();
    expect((await eventsOf(launchId)).at(-1)).toMatchObject({ type: "invitation.created", actorId: manager.id });
    expect(await addMemberAction({ launchId, email: viewer.email, role: "ENGINEER" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await memberOf(viewer.id)).toMatchObject({ role: "VIEWER" });
  });

  it("refuses member management to a viewer, with nothing written", async () => {
    const other = await createUser();
    const events = (await eventsOf(launchId)).length;
    actAs(viewer);
    expect(await addMemberAction({ launchId, email: other.email, role: "MANAGER" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const self = await memberOf(viewer.id);
    expect(await changeMemberRoleAction({ launchId, memberId: self!.id, role: "MANAGER" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const mgr = await memberOf(manager.id);
    expect(await removeMemberAction({ launchId, memberId: mgr!.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await memberOf(other.id)).toBeNull();
    expect(await memberOf(viewer.id)).toMatchObject({ role: "VIEWER" });
    expect((await eventsOf(launchId)).length).toBe(events);
  });

  it("never lets the last manager be removed or demoted", async () => {
    const mgr = (await memberOf(manager.id))!;
    actAs(manager);
    expect(await removeMemberAction({ launchId, memberId: mgr.id })).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/at least one manager/) });
    expect(await changeMemberRoleAction({ launchId, memberId: mgr.id, role: "VIEWER" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await memberOf(manager.id)).toMatchObject({ role: "MANAGER" });
  });

  it("keeps a manager when two managers demote each other at the same moment", async () => {
    const second = await createUser();
    await db.member.create({ data: { launchId, userId: second.id, role: "MANAGER" } });
    const [m1, m2] = [(await memberOf(manager.id))!, (await memberOf(second.id))!];
    // Both calls run in this process; each action reads the session from the current headers when it starts.
    actAs(manager);
    const a = changeMemberRoleAction({ launchId, memberId: m2.id, role: "VIEWER" });
    actAs(second);
    const b = changeMemberRoleAction({ launchId, memberId: m1.id, role: "VIEWER" });
    const results = await Promise.all([a, b]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.member.count({ where: { launchId, role: "MANAGER" } })).toBe(1);
  });

  it("a removed member loses access at once", async () => {
    const v = (await memberOf(viewer.id))!;
    actAs(manager);
    expect((await removeMemberAction({ launchId, memberId: v.id })).ok).toBe(true);
    actAs(viewer);
    expect(await addMemberAction({ launchId, email: viewer.email, role: "MANAGER" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
