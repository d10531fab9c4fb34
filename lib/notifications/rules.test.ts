import { describe, expect, it } from "vitest";
import { intentsFor, recipients, resolveMode, windowOf, type EventLike } from "./rules";

const ev = (type: string, payload: Record<string, unknown>, actorId = "actor"): EventLike => ({ id: "7", launchId: "L", actorId, type, payload });

describe("who gets what from an event", () => {
  it("tells the new owner of a checklist item", () => {
    const [intent] = intentsFor(ev("item.assigned", { itemId: "i", title: "Backups", ownerId: "u1" }));
    expect(intent).toMatchObject({ kind: "assigned", audience: { type: "users", userIds: ["u1"] }, ref: "event-7" });
    expect(intent.summary).toContain("Backups");
  });

  it("tells nobody when an item is unassigned", () => {
    expect(intentsFor(ev("item.assigned", { itemId: "i", title: "x", ownerId: null }))).toEqual([]);
  });

  it("tells only the newly added runbook assignees", () => {
    expect(intentsFor(ev("runbook.task_updated", { taskId: "t", title: "x", fields: ["title"] }))).toEqual([]);
    expect(intentsFor(ev("runbook.task_updated", { taskId: "t", title: "x", fields: [], assigneesAdded: ["u2"] }))[0].audience).toEqual({ type: "users", userIds: ["u2"] });
    expect(intentsFor(ev("runbook.task_added", { taskId: "t", title: "x", assigneeIds: ["u3"] }))[0].audience).toEqual({ type: "users", userIds: ["u3"] });
  });

  it("looks for startable successors when a task finishes or is skipped", () => {
    for (const type of ["runbook.task_finished", "runbook.task_skipped"]) {
      expect(intentsFor(ev(type, { runId: "r", taskId: "t", title: "x" }))[0]).toMatchObject({ kind: "startable", audience: { type: "startableAfter", runId: "r", taskId: "t" } });
    }
    expect(intentsFor(ev("runbook.task_started", { runId: "r", taskId: "t" }))).toEqual([]);
  });

  it("asks a group's approvers and tells stale approvers", () => {
    expect(intentsFor(ev("signoff.group_created", { groupId: "g", name: "QA" }))[0]).toMatchObject({ kind: "signoff_requested", audience: { type: "groupApprovers", groupId: "g" } });
    expect(intentsFor(ev("signoff.stale", { decisionIds: ["d1"], reason: "a check reopened" }))[0]).toMatchObject({ kind: "signoff_stale", audience: { type: "decisionApprovers", decisionIds: ["d1"] } });
  });

  it("tells every member of GO / NO-GO, and of a Sev 1 only", () => {
    expect(intentsFor(ev("go.decided", { outcome: "NO_GO" }))[0]).toMatchObject({ kind: "go_decision", audience: { type: "members" }, summary: "NO-GO recorded" });
    expect(intentsFor(ev("incident.opened", { severity: 1, number: 3, title: "Down" }))[0]).toMatchObject({ kind: "sev1" });
    expect(intentsFor(ev("incident.opened", { severity: 2, number: 3, title: "Slow" }))).toEqual([]);
    expect(intentsFor(ev("incident.updated", { severity: 1, fromSeverity: 2, number: 3, title: "Worse" }))[0]).toMatchObject({ kind: "sev1" });
    expect(intentsFor(ev("incident.updated", { severity: 1, state: "MONITORING", number: 3, title: "Same" }))).toEqual([]);
  });

  it("ignores events without a launch and events of no interest", () => {
    expect(intentsFor({ ...ev("go.decided", { outcome: "GO" }), launchId: null })).toEqual([]);
    expect(intentsFor(ev("item.commented", { itemId: "i" }))).toEqual([]);
  });

  it("names the window of window events", () => {
    expect(windowOf(ev("window.updated", { windowId: "w" }))).toBe("w");
    expect(windowOf(ev("item.updated", { windowId: "w" }))).toBeNull();
  });
});

describe("recipients", () => {
  it("never includes the actor and lists each user once", () => {
    expect(recipients(["a", "actor", "b", "a", ""], "actor")).toEqual(["a", "b"]);
  });
});

describe("resolveMode", () => {
  it("prefers the kind's own choice, then all, then at once", () => {
    expect(resolveMode([], "assigned")).toBe("IMMEDIATE");
    expect(resolveMode([{ kind: "all", mode: "DIGEST" }], "assigned")).toBe("DIGEST");
    expect(resolveMode([{ kind: "all", mode: "DIGEST" }, { kind: "assigned", mode: "OFF" }], "assigned")).toBe("OFF");
  });

  it("sends a window reminder at once even to digest users, and not at all when off", () => {
    expect(resolveMode([{ kind: "all", mode: "DIGEST" }], "window_start")).toBe("IMMEDIATE");
    expect(resolveMode([{ kind: "window_start", mode: "OFF" }], "window_start")).toBe("OFF");
  });
});
