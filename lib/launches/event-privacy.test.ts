import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/domain/activity";
import { eventForNonManagers, eventsForNonManagers, seesInvitees } from "./event-privacy";

const ev = (type: string, payload: Record<string, unknown>) => ({ id: "1", type, at: "2026-12-01T09:00:00.000Z", actorName: "Mia", payload });

describe("invited addresses in events", () => {
  it("are seen by managers and instance admins only", () => {
    expect(seesInvitees("MANAGER", false)).toBe(true);
    expect(seesInvitees(null, true)).toBe(true);
    for (const role of ["ENGINEER", "APPROVER", "VIEWER", null] as const) expect(seesInvitees(role, false)).toBe(false);
  });

  it("are removed from every invitation event for everyone else, and nothing else is", () => {
    for (const type of ["invitation.created", "invitation.renewed", "invitation.revoked", "invitation.accepted"]) {
      const shown = eventForNonManagers(ev(type, { invitationId: "i1", email: "cfo@corp.example", role: "VIEWER" }));
      expect(JSON.stringify(shown)).not.toContain("cfo@corp.example");
      expect(shown.payload).toMatchObject({ invitationId: "i1", role: "VIEWER" });
    }
    const other = ev("member.removed", { userId: "u1", name: "Bo" });
    expect(eventForNonManagers(other)).toBe(other);
  });

  it("keeps the same array (shared bytes) when a batch hides nothing", () => {
    const batch = [ev("item.updated", { itemId: "x" })];
    expect(eventsForNonManagers(batch)).toBe(batch);
    const mixed = [...batch, ev("invitation.created", { email: "a@b.example", role: "ENGINEER" })];
    expect(eventsForNonManagers(mixed)).not.toBe(mixed);
    expect(eventsForNonManagers(mixed)[0]).toBe(batch[0]);
  });

  it("still read as sentences without the address", () => {
    const shown = eventForNonManagers(ev("invitation.created", { email: "cfo@corp.example", role: "VIEWER" }));
    expect(describeEvent(shown.type, shown.payload)).toBe("invited someone as viewer");
    expect(describeEvent("invitation.revoked", eventForNonManagers(ev("invitation.revoked", { email: "x@y.example" })).payload)).toBe("withdrew the invitation for someone");
    expect(describeEvent("invitation.renewed", eventForNonManagers(ev("invitation.renewed", { email: "x@y.example" })).payload)).toBe("sent a new invitation link to someone");
    expect(describeEvent("invitation.created", { email: "cfo@corp.example", role: "VIEWER" })).toBe("invited cfo@corp.example as viewer");
  });
});
