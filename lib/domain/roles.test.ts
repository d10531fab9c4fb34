import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, canExecuteTask, canUpdateItem, type Action, type Role } from "./roles";

// The whole role x action matrix, spelled out: a change to the rules must change this table too.
const EXPECTED: Record<Role, Action[]> = {
  MANAGER: [...ACTIONS],
  ENGINEER: ["launch.view", "item.update.own", "item.comment", "runbook.execute.own", "hypercare.record", "incident.write"],
  APPROVER: ["launch.view", "item.comment", "signoff.decide"],
  VIEWER: ["launch.view"],
};

const user = { userId: "u1", isAdmin: false };
const admin = { userId: "a1", isAdmin: true };

describe("can", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(user, { role }, action)).toBe(allowed);
      });
    }
  }

  it("denies every action to a non-member", () => {
    for (const action of ACTIONS) expect(can(user, { role: null }, action)).toBe(false);
  });

  it("lets an instance admin view and repair membership of any launch, and nothing else without a role", () => {
    for (const action of ACTIONS) {
      expect(can(admin, { role: null }, action)).toBe(action === "launch.view" || action === "members.manage");
    }
  });

  it("lets engineers update any item only when the manager allows it", () => {
    expect(can(user, { role: "ENGINEER", engineersEditAll: true }, "item.update.any")).toBe(true);
    expect(can(user, { role: "VIEWER", engineersEditAll: true }, "item.update.any")).toBe(false);
  });
});

describe("canUpdateItem", () => {
  it("lets an engineer update their own item but not someone else's", () => {
    expect(canUpdateItem(user, { role: "ENGINEER" }, { ownerId: "u1" })).toBe(true);
    expect(canUpdateItem(user, { role: "ENGINEER" }, { ownerId: "u2" })).toBe(false);
    expect(canUpdateItem(user, { role: "ENGINEER" }, { ownerId: null })).toBe(false);
  });
  it("never lets a viewer or approver update an item, even their own", () => {
    expect(canUpdateItem(user, { role: "VIEWER" }, { ownerId: "u1" })).toBe(false);
    expect(canUpdateItem(user, { role: "APPROVER" }, { ownerId: "u1" })).toBe(false);
  });
  it("lets a manager update any item", () => {
    expect(canUpdateItem(user, { role: "MANAGER" }, { ownerId: "u2" })).toBe(true);
  });
});

describe("canExecuteTask", () => {
  it("lets assignees and managers execute a runbook task, and engineers any task only when managers allow it", () => {
    expect(canExecuteTask(user, { role: "ENGINEER" }, { assigneeIds: ["u1"] })).toBe(true);
    expect(canExecuteTask(user, { role: "ENGINEER" }, { assigneeIds: ["u2"] })).toBe(false);
    expect(canExecuteTask(user, { role: "ENGINEER", engineersEditAll: true }, { assigneeIds: [] })).toBe(true);
    expect(canExecuteTask(user, { role: "MANAGER" }, { assigneeIds: [] })).toBe(true);
    expect(canExecuteTask(user, { role: "APPROVER" }, { assigneeIds: ["u1"] })).toBe(false);
    expect(canExecuteTask(user, { role: "VIEWER" }, { assigneeIds: ["u1"] })).toBe(false);
  });
});
