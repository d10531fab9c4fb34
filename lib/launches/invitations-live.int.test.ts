import { describe, expect, it } from "vitest";
import { addMemberAction } from "@/app/(app)/launches/[launchId]/members/actions";
import { acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions";
import { GET } from "@/app/api/launches/[launchId]/events/route";
import { actAs, createTestLaunch, createUser, uid, type TestUser } from "@/lib/test/fixtures";
import { readSse, until } from "@/lib/test/sse";

function open(launchId: string, user: TestUser) {
  const abort = new AbortController();
  const request = new Request(`http://localhost:3000/api/launches/${launchId}/events`, { headers: { cookie: user.cookie }, signal: abort.signal });
  return { response: GET(request, { params: Promise.resolve({ launchId }) }), abort };
}

describe("invitations on the live stream", () => {
  it("reaches every member's stream, viewers included, when an address is invited and when it joins", async () => {
    const manager = await createUser();
    const viewer = await createUser();
    const launch = await createTestLaunch(manager, [[viewer, "VIEWER"]]);
    const stream = open(launch.id, viewer);
    const got = readSse((await stream.response).body!);
    const email = `live-${uid()}@test.liftoff`;
    actAs(manager);
    const invited = await addMemberAction({ launchId: launch.id, email, role: "ENGINEER" });
    expect(invited.ok).toBe(true);
    const types = () => got.filter((m) => m.event === "change").flatMap((m) => (JSON.parse(m.data).events as { type: string }[]).map((e) => e.type));
    expect(await until(() => types().includes("invitation.created"))).toBe(true);
    const invitee = await createUser({ email });
    actAs(invitee);
    expect((await acceptInvitationAction({ token: invited.ok ? invited.data.token : "" })).ok).toBe(true);
    expect(await until(() => types().includes("invitation.accepted"))).toBe(true);
    stream.abort.abort();
  });
});

describe("who reads an invited address", () => {
  it("managers do, on the stream and in activity; engineers and viewers read 'someone' in both", async () => {
    const { loadViewPart } = await import("@/lib/launches/view");
    const manager = await createUser();
    const engineer = await createUser();
    const viewer = await createUser();
    const launch = await createTestLaunch(manager, [
      [engineer, "ENGINEER"],
      [viewer, "VIEWER"],
    ]);
    const streams = [manager, engineer, viewer].map((u) => {
      const s = open(launch.id, u);
      return { ...s, got: s.response.then((r) => readSse(r.body!)) };
    });
    const got = await Promise.all(streams.map((s) => s.got));
    const email = `secret-${uid()}@test.liftoff`;
    actAs(manager);
    const invited = await addMemberAction({ launchId: launch.id, email, role: "APPROVER" });
    if (!invited.ok) throw new Error(invited.error);
    actAs(manager);
    expect((await (await import("@/app/(app)/launches/[launchId]/members/actions")).renewInvitationAction({ launchId: launch.id, invitationId: invited.data.invitationId })).ok).toBe(true);
    const changes = (i: number) => got[i].filter((m) => m.event === "change").map((m) => m.data);
    const seen = (i: number) => changes(i).filter((d) => d.includes("invitation.renewed")).length > 0;
    expect(await until(() => [0, 1, 2].every(seen))).toBe(true);
    // The manager's stream names the address; the others' carry the events without it.
    expect(changes(0).join("\n")).toContain(email);
    for (const i of [1, 2]) {
      const text = changes(i).join("\n");
      expect(text).toContain("invitation.created");
      expect(text).not.toContain(email);
    }
    // The activity part (page prefetch and refetch) follows the same rule.
    const activityOf = async (u: TestUser) => JSON.stringify(await loadViewPart(u.actor, launch.id, "activity"));
    expect(await activityOf(manager)).toContain(email);
    for (const u of [engineer, viewer]) {
      const text = await activityOf(u);
      expect(text).toContain("invitation.created");
      expect(text).not.toContain(email);
    }
    for (const s of streams) s.abort.abort();
  });
});
