import { afterAll, describe, expect, it } from "vitest";
import { GET as getShareEvents } from "@/app/api/share/[token]/events/route";
import { setUserAdmin, setUserDeactivated } from "@/lib/admin/users";
import { db } from "@/lib/db/client";
import { changeMemberRole } from "@/lib/launches/commands";
import { createInvitation } from "@/lib/launches/invitations";
import { createShareLink } from "@/lib/share/links";
import { createTestLaunch, createUser, uid } from "@/lib/test/fixtures";
import { countingStatements } from "@/lib/test/count-statements";
import { changeMessages, closeLaunchStreams, openLaunchStream, readSse, until, type SseMessage } from "@/lib/test/sse";
import { listener } from "./listener";

// The listener re-checks who may watch for every stream at once (lib/live/listener.ts, sweepAccess): one
// statement for all (launch, user) pairs and one for share links, instead of a timer and a query per
// stream. A stream whose viewer lost access ends with "revoked"; one whose role changed switches to that
// role's encoding; a deactivation or a lost admin flag ends the streams at once, without waiting for the
// periodic sweep.

const count = countingStatements();
const aborts: AbortController[] = [];
afterAll(() => {
  closeLaunchStreams();
  aborts.forEach((a) => a.abort());
});

async function openShareStream(token: string): Promise<SseMessage[]> {
  const abort = new AbortController();
  aborts.push(abort);
  const request = new Request(`http://localhost/api/share/${token}/events`, { signal: abort.signal });
  const response = await getShareEvents(request, { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
  const got = readSse(response.body!);
  expect(await until(() => got.some((m) => m.event === "hello"))).toBe(true);
  return got;
}

const revoked = (got: SseMessage[]) => got.some((m) => m.event === "revoked");

describe("the listener's access sweep", () => {
  it("ends the streams of a viewer removed by hand and of a link revoked by hand, in two statements for every stream", async () => {
    const manager = await createUser();
    const viewer = await createUser();
    const engineer = await createUser();
    const launch = await createTestLaunch(manager, [
      [viewer, "VIEWER"],
      [engineer, "ENGINEER"],
    ]);
    const viewerStreams = [await openLaunchStream(launch.id, viewer), await openLaunchStream(launch.id, viewer), await openLaunchStream(launch.id, viewer)];
    const kept = [await openLaunchStream(launch.id, manager), await openLaunchStream(launch.id, engineer)];
    const link = await createShareLink(manager.actor, { launchId: launch.id, name: "Partner bank", showNames: false, expiresInHours: 0 });
    const shareStreams = [await openShareStream(link.token), await openShareStream(link.token)];
    // Presence announcements after the opens go through the pool too: let them pass before counting.
    await new Promise((r) => setTimeout(r, 300));

    // Rows changed without an event (an operator's SQL, a restore): nothing tells the streams but the sweep.
    await db.member.deleteMany({ where: { launchId: launch.id, userId: viewer.id } });
    await db.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    await new Promise((r) => setTimeout(r, 100));
    expect([...viewerStreams, ...shareStreams].some(revoked)).toBe(false);

    const { statements } = await count(() => listener().sweepAccess(launch.id));
    expect(statements).toBe(2);
    for (const got of [...viewerStreams, ...shareStreams]) expect(await until(() => revoked(got))).toBe(true);
    for (const got of kept) expect(revoked(got)).toBe(false);
  });

  it("switches a demoted manager's stream to the viewer encoding: no invited addresses from then on", async () => {
    const manager = await createUser();
    const deputy = await createUser();
    const launch = await createTestLaunch(manager, [[deputy, "MANAGER"]]);
    const got = await openLaunchStream(launch.id, deputy);
    const invitedEmails = () => changeMessages(got).flatMap((m) => m.events.filter((e) => e.type === "invitation.created").map((e) => (e.payload as { email?: string }).email));

    const first = `first-${uid()}@example.test`;
    await createInvitation(manager.actor, { launchId: launch.id, email: first, role: "ENGINEER" });
    expect(await until(() => invitedEmails().length === 1)).toBe(true);
    expect(invitedEmails()).toEqual([first]); // a manager sees the address

    const member = await db.member.findFirstOrThrow({ where: { launchId: launch.id, userId: deputy.id }, select: { id: true } });
    await changeMemberRole(manager.actor, { launchId: launch.id, memberId: member.id, role: "VIEWER" });
    expect(await until(() => changeMessages(got).some((m) => m.events.some((e) => e.type === "member.role_changed")))).toBe(true);
    // The batch that carried the change asked for a sweep of the launch; this waits for it (or runs one).
    await listener().sweepAccess(launch.id);

    await createInvitation(manager.actor, { launchId: launch.id, email: `second-${uid()}@example.test`, role: "ENGINEER" });
    expect(await until(() => invitedEmails().length === 2)).toBe(true);
    expect(invitedEmails()).toEqual([first, undefined]);
    expect(revoked(got)).toBe(false);
  });

  it("ends the streams of a deactivated account and of an admin who is no longer one at once, without waiting for the periodic sweep", async () => {
    const admin = await createUser({ isAdmin: true });
    const otherAdmin = await createUser({ isAdmin: true });
    const manager = await createUser();
    const engineer = await createUser();
    const launch = await createTestLaunch(manager, [[engineer, "ENGINEER"]]);
    const engineerStream = await openLaunchStream(launch.id, engineer);
    // An admin watches a launch they are not a member of.
    const adminStream = await openLaunchStream(launch.id, otherAdmin);
    const managerStream = await openLaunchStream(launch.id, manager);

    await setUserDeactivated(admin.actor, { userId: engineer.id, deactivated: true });
    expect(await until(() => revoked(engineerStream), 5_000)).toBe(true);
    await setUserAdmin(admin.actor, { userId: otherAdmin.id, isAdmin: false });
    expect(await until(() => revoked(adminStream), 5_000)).toBe(true);
    expect(revoked(managerStream)).toBe(false);
  });
});
