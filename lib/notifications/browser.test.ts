import { describe, expect, it } from "vitest";
import { browserNotices, highestId, type StreamEvent, type Viewer } from "./browser";

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  userId: "me",
  launchId: "L",
  launchName: "Payments cutover",
  isMember: true,
  handledThrough: "0",
  groups: [
    { id: "qa", approvers: [{ userId: "me" }, { userId: "other" }], decisions: [{ id: "d-mine", approverId: "me" }, { id: "d-other", approverId: "other" }] },
    { id: "sec", approvers: [{ userId: "other" }], decisions: [] },
  ],
  ...over,
});
let next = 100;
const ev = (type: string, payload: Record<string, unknown>, actorId: string | null = "boss"): StreamEvent => ({ id: String(next++), type, actorId, actorName: actorId ? "Bo Boss" : null, payload });
const titles = (events: StreamEvent[], v = viewer()) => browserNotices(events, v).map((n) => n.title);

describe("browser notifications: who is told of what", () => {
  it("tells the viewer of what the mail rules give them, with the launch and the actor in the body", () => {
    const [n] = browserNotices([ev("item.assigned", { itemId: "i", title: "Backups", ownerId: "me" })], viewer());
    expect(n).toMatchObject({ kind: "assigned", title: "“Backups” was assigned to you", body: "Payments cutover · by Bo Boss", path: "/launches/L/checklist" });
    expect(n.tag).toBe(`liftoff-event-${n.eventId}`);
    expect(titles([ev("item.assigned", { itemId: "i", title: "Backups", ownerId: "someone-else" })])).toEqual([]);
  });

  it("covers every kind decidable from the event and the cached groups", () => {
    expect(
      titles([
        ev("runbook.task_added", { taskId: "t", title: "Flip DNS", assigneeIds: ["me"] }),
        ev("runbook.task_updated", { taskId: "t", title: "Flip DNS", assigneesAdded: ["me"] }),
        ev("signoff.group_created", { groupId: "qa", name: "QA" }),
        ev("signoff.group_created", { groupId: "sec", name: "Security" }), // not an approver
        ev("signoff.stale", { decisionIds: ["d-mine"], reason: "a check reopened" }),
        ev("signoff.stale", { decisionIds: ["d-other"], reason: "a check reopened" }),
        ev("go.decided", { outcome: "NO_GO" }),
        ev("incident.opened", { number: 3, title: "Checkout down", severity: 1 }),
        ev("incident.opened", { number: 4, title: "Typo", severity: 3 }),
        ev("incident.updated", { number: 4, title: "Typo", severity: 1, fromSeverity: 3 }),
        ev("checklist.item_status_changed", { itemId: "i", status: "DONE" }),
      ]),
    ).toEqual([
      "The runbook task “Flip DNS” was assigned to you",
      "The runbook task “Flip DNS” was assigned to you",
      "Your sign-off is requested for “QA”",
      "Your sign-off went stale: a check reopened",
      "NO-GO recorded",
      "Sev 1 opened: #3 “Checkout down”",
      "Sev 1 opened: #4 “Typo”",
    ]);
  });

  it("never tells the viewer of their own change, even one made in another tab or through the API", () => {
    expect(titles([ev("go.decided", { outcome: "GO" }, "me"), ev("incident.opened", { number: 1, title: "x", severity: 1 }, "me")])).toEqual([]);
    // A system event (no actor) still concerns everyone.
    expect(titles([ev("go.decided", { outcome: "GO" }, null)])).toEqual(["GO recorded"]);
  });

  it("skips events already handled: a replay after a reconnect, or one another tab notified", () => {
    const a = ev("go.decided", { outcome: "GO" });
    const b = ev("incident.opened", { number: 9, title: "DB", severity: 1 });
    expect(titles([a, b], viewer({ handledThrough: a.id }))).toEqual(["Sev 1 opened: #9 “DB”"]);
    expect(titles([a, b], viewer({ handledThrough: b.id }))).toEqual([]);
    expect(titles([a, a])).toEqual(["GO recorded"]); // a duplicated event, once
    expect(highestId(a.id, [a, b])).toBe(b.id);
    expect(highestId("900", [a, b])).toBe("900");
  });

  it("leaves what needs the server's data to the mail, and tells non-members nothing", () => {
    expect(titles([ev("runbook.task_finished", { runId: "r", taskId: "t" })])).toEqual([]);
    expect(titles([ev("signoff.group_created", { groupId: "qa", name: "QA" })], viewer({ groups: undefined }))).toEqual([]);
    expect(titles([ev("go.decided", { outcome: "GO" })], viewer({ isMember: false }))).toEqual([]);
  });
});
