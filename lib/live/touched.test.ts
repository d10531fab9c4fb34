import { describe, expect, it } from "vitest";
import { touchedBy } from "./touched";

const ev = (type: string, payload: Record<string, unknown> = {}) => ({ type, payload });

describe("touchedBy", () => {
  it("collects the ids of changed items, and nothing else of the checklist", () => {
    const t = touchedBy([ev("item.status_changed", { itemId: "a" }), ev("item.assigned", { itemId: "b" }), ev("items.bulk_updated", { itemIds: ["c", "a"] })]);
    expect(t.items).toEqual(new Set(["a", "b", "c"]));
    expect(t.sections).toBe(false);
    expect(t.groups).toBe(false);
    expect(t.windows).toBe(false);
    expect(t.overview).toBe(true);
  });
  it("marks a batch that changed only items' own fields, so readiness can be recomputed from the memo", () => {
    const ticks = [ev("item.status_changed", { itemId: "a" }), ev("item.evidence_changed", { itemId: "b" }), ev("item.commented", { itemId: "a", commentId: "c" })];
    expect(touchedBy(ticks).itemsOnly).toBe(true);
    expect(touchedBy([...ticks, ev("status_update.posted"), ev("runbook.task_started", { runId: "r", taskId: "t" })]).itemsOnly).toBe(true);
    expect(touchedBy([ev("items.bulk_updated", { itemIds: ["a"] }), ev("item.assigned", { itemId: "b" }), ev("item.updated", { itemId: "c" })]).itemsOnly).toBe(true);
    // Anything else readiness or the overview reads: a stale sign-off, structure, windows, team, a bulk change of unknown items.
    for (const other of [ev("signoff.stale"), ev("item.moved", { itemId: "a" }), ev("item.deleted", { itemId: "a" }), ev("item.created", { itemId: "z" }),
      ev("window.moved"), ev("member.removed"), ev("items.bulk_updated"), ev("launch.renamed"), ev("something.new")]) {
      expect(touchedBy([...ticks, other]).itemsOnly, other.type).toBe(false);
    }
  });
  it("skips the readiness read only for batches of events readiness does not depend on", () => {
    for (const type of ["launch.updated", "go.decided", "hypercare.metric_recorded", "incident.opened", "status_update.posted", "runbook.task_finished"]) {
      expect(touchedBy([ev(type, { runId: "r", taskId: "t" })]).readiness, type).toBe(false);
    }
    for (const type of ["item.status_changed", "launch.status_changed", "signoff.decided", "window.moved", "runbook.task_added", "runbook.required_changed", "section.added"]) {
      expect(touchedBy([ev("launch.updated"), ev(type, { itemId: "a" })]).readiness, type).toBe(true);
    }
  });
  it("a deleted item is reported as deleted, not as changed", () => {
    const t = touchedBy([ev("item.updated", { itemId: "a" }), ev("item.deleted", { itemId: "a" })]);
    expect(t.deletedItemIds).toEqual(new Set(["a"]));
    expect(t.items).toEqual(new Set());
  });
  it("structural changes send the whole checklist", () => {
    for (const type of ["item.moved", "section.deleted", "checklist.imported", "template.applied", "window.updated", "member.removed"]) {
      expect(touchedBy([ev(type, { itemId: "x" })]).items, type).toBe("all");
    }
    expect(touchedBy([ev("template.saved")]).items).toEqual(new Set());
  });
  it("a comment carries its id so the batch can send it", () => {
    const t = touchedBy([ev("item.commented", { itemId: "a", commentId: "c1" })]);
    expect(t.comments).toEqual([{ itemId: "a", commentId: "c1" }]);
    expect(t.items).toEqual(new Set(["a"]));
  });
  it("maps sign-offs, windows, members, go and the launch to their parts", () => {
    expect(touchedBy([ev("signoff.stale")])).toMatchObject({ groups: true, windows: false, members: false, go: false, meta: false });
    expect(touchedBy([ev("window.scheduled")])).toMatchObject({ windows: true, groups: false });
    expect(touchedBy([ev("member.role_changed")])).toMatchObject({ members: true, groups: true });
    expect(touchedBy([ev("go.decided")])).toMatchObject({ go: true, meta: true });
    expect(touchedBy([ev("launch.status_changed")])).toMatchObject({ meta: true, go: true, groups: false });
    expect(touchedBy([ev("launch.updated")])).toMatchObject({ meta: true, go: false });
  });
  it("status updates touch only their timeline", () => {
    for (const type of ["status_update.posted", "status_update.edited", "status_update.deleted"]) {
      const t = touchedBy([ev(type, { updateId: "u1" })]);
      expect(t, type).toMatchObject({ statusUpdates: true, meta: false, sections: false, groups: false, windows: false, members: false, go: false, overview: false });
      expect(t.items, type).toEqual(new Set());
    }
    expect(touchedBy([ev("item.status_changed", { itemId: "a" })]).statusUpdates).toBe(false);
  });
  it("hypercare and incident events touch only the hypercare part; a status change touches it too", () => {
    for (const type of ["hypercare.started", "hypercare.metric_recorded", "hypercare.closed", "incident.opened", "incident.updated", "incident.noted"]) {
      const t = touchedBy([ev(type, { incidentId: "i1" })]);
      expect(t, type).toMatchObject({ hypercare: true, meta: false, sections: false, groups: false, windows: false, members: false, go: false, overview: false, statusUpdates: false });
      expect(t.items, type).toEqual(new Set());
    }
    expect(touchedBy([ev("launch.status_changed")]).hypercare).toBe(true);
    expect(touchedBy([ev("item.status_changed", { itemId: "a" })]).hypercare).toBe(false);
  });
  it("runbook events touch the runbook part and the overview (its point of no return), nothing of the checklist", () => {
    for (const type of ["runbook.created", "runbook.task_added", "runbook.task_started", "runbook.task_finished", "runbook.paused", "runbook.rollback_decided", "runbook.durations_adopted"]) {
      const t = touchedBy([ev(type, { taskId: "t1" })]);
      expect(t, type).toMatchObject({ runbook: true, overview: true, meta: false, sections: false, groups: false, windows: false, members: false, go: false, statusUpdates: false, hypercare: false });
      expect(t.items, type).toEqual(new Set());
    }
    // A task's execution is sent as a delta (one task in one run), not the whole runbook...
    const exec = touchedBy([ev("runbook.task_started", { runId: "r", taskId: "t1" }), ev("runbook.task_finished", { runId: "r", taskId: "t2" })]);
    // ...moving the forecast against the point of no return and nothing readiness is computed from.
    expect(exec).toMatchObject({ runbook: false, overview: false, ponr: true, readiness: false, runbookExec: [{ runId: "r", taskId: "t1" }, { runId: "r", taskId: "t2" }] });
    expect(touchedBy([ev("runbook.task_started", { runId: "r", taskId: "t1" }), ev("item.status_changed", { itemId: "a" })]).readiness).toBe(true);
    expect(touchedBy([ev("status_update.posted")]).readiness).toBe(false);
    // The live run's first execution also froze its plan (the delta then carries the planned durations);
    // a batch that sends the runbook whole anyway sends no delta.
    expect(touchedBy([ev("runbook.task_started", { runId: "r", taskId: "t1", planFrozen: true })])).toMatchObject({ runbook: false, runbookExec: [{ runId: "r", taskId: "t1", planFrozen: true }] });
    expect(touchedBy([ev("runbook.task_started", { runId: "r", taskId: "t1" }), ev("runbook.task_added", { taskId: "t9" })])).toMatchObject({ runbook: true, runbookExec: [] });
    // The runbook is timed in the window, and assigns members.
    expect(touchedBy([ev("window.moved")]).runbook).toBe(true);
    expect(touchedBy([ev("member.removed")]).runbook).toBe(true);
    expect(touchedBy([ev("item.status_changed", { itemId: "a" })]).runbook).toBe(false);
    expect(touchedBy([ev("status_update.posted")]).runbook).toBe(false);
  });
  it("an unknown event type touches nothing", () => {
    const t = touchedBy([ev("calendar_feed.created")]);
    expect(t).toMatchObject({ meta: false, sections: false, groups: false, windows: false, members: false, go: false, overview: false, statusUpdates: false, hypercare: false, runbook: false });
    expect(t.items).toEqual(new Set());
  });
});
