import { describe, expect, it } from "vitest";
import type { ViewerRights } from "./dto";
import { canTake, tickHint } from "./take";

const viewer = (over: Partial<ViewerRights>): ViewerRights => ({
  userId: "me", role: "ENGINEER", structure: false, assign: false, waive: false, updateAny: false, updateOwn: true, comment: true, saveTemplate: false,
  ...over,
});

describe("take it", () => {
  it("lets engineers and managers take only unassigned items", () => {
    expect(canTake("ENGINEER", null, true)).toBe(true);
    expect(canTake("MANAGER", null, true)).toBe(true);
    expect(canTake("ENGINEER", "noor", true)).toBe(false);
    expect(canTake("APPROVER", null, true)).toBe(false);
    expect(canTake("VIEWER", null, true)).toBe(false);
    expect(canTake(null, null, true)).toBe(false);
  });

  it("says why a tick is disabled", () => {
    expect(tickHint(viewer({}), { ownerId: "me" }, "Me")).toBeNull();
    expect(tickHint(viewer({}), { ownerId: "noor" }, "Noor")).toBe("Assigned to Noor — only the owner or a manager can tick it");
    expect(tickHint(viewer({}), { ownerId: null }, null)).toBe("Unassigned — take it to tick it, or ask a manager to assign it");
    expect(tickHint(viewer({ role: "VIEWER", updateOwn: false }), { ownerId: null }, null)).toMatch(/^Viewers/);
    expect(tickHint(viewer({ role: "APPROVER", updateOwn: false }), { ownerId: "noor" }, "Noor")).toMatch(/^Approvers/);
    expect(tickHint(viewer({ updateAny: true }), { ownerId: "noor" }, "Noor")).toBeNull();
  });

  it("refuses engineers, not managers, when a manager turned taking off, and says so", () => {
    expect(canTake("ENGINEER", null, false)).toBe(false);
    expect(canTake("MANAGER", null, false)).toBe(true);
    expect(tickHint(viewer({}), { ownerId: null }, null, false)).toBe(
      "Unassigned — a manager turned off “Take it” on this launch: ask a manager to assign it",
    );
    expect(tickHint(viewer({}), { ownerId: "noor" }, "Noor", false)).toMatch(/^Assigned to Noor/);
  });
});
