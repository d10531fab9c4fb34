import { describe, expect, it } from "vitest";
import type { ChecklistDTO, ItemDetailDTO, ItemDTO } from "@/lib/checklist/dto";
import { launchKeys } from "@/lib/launches/query-keys";
import type { ActivityEntry, ChangesDTO, LiveEventDTO, LiveMessage, LivePatch, OverviewDTO, StatusUpdateDTO } from "@/lib/launches/view-types";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import type { HypercareDTO } from "@/lib/hypercare/types";
import type { RunbookDto } from "@/lib/runbook/dto";
import { applyLiveMessage, newPatchState, type CacheLike } from "./patch";

const L = "launch1";

function mapCache(): CacheLike & { map: Map<string, unknown>; refetched: string[] } {
  const map = new Map<string, unknown>();
  const refetched: string[] = [];
  return {
    map,
    refetched,
    invalidateQueries: ({ queryKey }) => refetched.push(JSON.stringify(queryKey)),
    getQueryData: <T,>(key: readonly unknown[]) => map.get(JSON.stringify(key)) as T | undefined,
    setQueryData: <T,>(key: readonly unknown[], updater: T | ((old: T | undefined) => T | undefined)) => {
      const k = JSON.stringify(key);
      const next = typeof updater === "function" ? (updater as (old: T | undefined) => T | undefined)(map.get(k) as T | undefined) : updater;
      if (next !== undefined) map.set(k, next);
      return next;
    },
  };
}

const item = (id: string, over: Partial<ItemDTO> = {}): ItemDTO => ({
  id, sectionId: "s1", position: 0, title: `Item ${id}`, description: "", ownerId: null, dueAt: null, dueOffsetMinutes: null,
  dueResolved: null, required: true, requiresEvidence: false, status: "TODO", statusReason: null, evidenceNote: "", evidenceLinks: [],
  predecessorIds: [], commentCount: 0, version: 1, updatedAt: "2027-01-01T00:00:00.000Z", updatedByName: null, ...over,
});

const checklist = (items: ItemDTO[]): ChecklistDTO => ({
  launchId: L, timeZone: "Europe/London", windowStartsAt: null, sections: [{ id: "s1", title: "Tests", position: 0 } as ChecklistDTO["sections"][number]],
  items, members: [], viewer: { userId: "u", role: "ENGINEER", structure: false, assign: false, waive: false, updateAny: false, updateOwn: true, comment: true, saveTemplate: false },
});

const ev = (id: number, type = "item.status_changed", payload: Record<string, unknown> = {}): LiveEventDTO => ({
  id: String(id), type, at: `2027-01-01T00:00:${String(id % 60).padStart(2, "0")}.000Z`, actorId: "u2", actorName: "Noor", payload,
});
const msg = (events: LiveEventDTO[], patch: LivePatch = {}): LiveMessage => ({ events, patch });
const readiness = (state: ReadinessDTO["state"]) => ({ state, reasons: [], checklist: {}, groups: {}, window: null, computedAt: "x" }) as unknown as ReadinessDTO;

describe("applyLiveMessage", () => {
  it("patches a changed item into the checklist in place, keeping the others and the viewer's rights", () => {
    const cache = mapCache();
    const a = item("a", { position: 0 });
    const b = item("b", { position: 1 });
    cache.setQueryData(launchKeys.checklist(L), checklist([a, b]));
    applyLiveMessage(cache, L, msg([ev(5, "item.status_changed", { itemId: "b" })], { items: [{ ...b, status: "DONE", version: 2 }] }), newPatchState());
    const after = cache.getQueryData<ChecklistDTO>(launchKeys.checklist(L))!;
    expect(after.items.map((i) => [i.id, i.status, i.version])).toEqual([["a", "TODO", 1], ["b", "DONE", 2]]);
    expect(after.items[0]).toBe(a);
    expect(after.viewer.updateOwn).toBe(true);
  });

  it("never replaces a newer item with an older DTO (own acknowledged edit, late message)", () => {
    const cache = mapCache();
    cache.setQueryData(launchKeys.checklist(L), checklist([item("a", { status: "DONE", version: 3 })]));
    applyLiveMessage(cache, L, msg([ev(7)], { items: [item("a", { status: "TODO", version: 2 })] }), newPatchState());
    expect(cache.getQueryData<ChecklistDTO>(launchKeys.checklist(L))!.items[0]).toMatchObject({ status: "DONE", version: 3 });
  });

  it("ignores a duplicate or out-of-order message", () => {
    const cache = mapCache();
    cache.setQueryData(launchKeys.checklist(L), checklist([item("a")]));
    cache.setQueryData(launchKeys.activity(L), [] as ActivityEntry[]);
    const state = newPatchState();
    expect(applyLiveMessage(cache, L, msg([ev(10)], { items: [item("a", { status: "DONE", version: 4 })] }), state)).toHaveLength(1);
    expect(applyLiveMessage(cache, L, msg([ev(10)], { items: [item("a", { status: "BLOCKED", version: 9 })] }), state)).toBeNull();
    expect(applyLiveMessage(cache, L, msg([ev(8), ev(9)], { items: [item("a", { status: "TODO", version: 9 })] }), state)).toBeNull();
    expect(cache.getQueryData<ChecklistDTO>(launchKeys.checklist(L))!.items[0].status).toBe("DONE");
    expect(cache.getQueryData<ActivityEntry[]>(launchKeys.activity(L))!.map((e) => e.id)).toEqual(["10"]);
  });

  it("applies only the new events of a message overlapping what was applied", () => {
    const cache = mapCache();
    cache.setQueryData(launchKeys.activity(L), [] as ActivityEntry[]);
    const state = newPatchState(10n);
    applyLiveMessage(cache, L, msg([ev(9), ev(10), ev(11), ev(12)]), state);
    expect(cache.getQueryData<ActivityEntry[]>(launchKeys.activity(L))!.map((e) => e.id)).toEqual(["12", "11"]);
    expect(state.lastApplied).toBe(12n);
  });

  it("recognises this tab's own echo", () => {
    const state = newPatchState();
    state.ownEventIds.add("20");
    const foreign = applyLiveMessage(mapCache(), L, msg([ev(20), ev(21)]), state);
    expect(foreign!.map((e) => e.id)).toEqual(["21"]);
    expect(state.ownEventIds.size).toBe(0);
  });

  it("removes deleted items and replaces the whole list when the batch carries it complete", () => {
    const cache = mapCache();
    cache.setQueryData(launchKeys.checklist(L), checklist([item("a"), item("b"), item("c")]));
    applyLiveMessage(cache, L, msg([ev(3, "item.deleted", { itemId: "b" })], { deletedItemIds: ["b"] }), newPatchState());
    expect(cache.getQueryData<ChecklistDTO>(launchKeys.checklist(L))!.items.map((i) => i.id)).toEqual(["a", "c"]);
    applyLiveMessage(cache, L, msg([ev(4, "checklist.imported")], { items: [item("x", { position: 1 }), item("y", { position: 0 })], itemsComplete: true }), newPatchState(3n));
    expect(cache.getQueryData<ChecklistDTO>(launchKeys.checklist(L))!.items.map((i) => i.id)).toEqual(["y", "x"]);
  });

  it("sets readiness and the header always, other parts only where the page holds them", () => {
    const cache = mapCache();
    cache.setQueryData(launchKeys.windows(L), []);
    const meta = { id: L, name: "N", system: "S", description: "", status: "GO", timeZone: "UTC", goOverride: null, engineersTake: true };
    applyLiveMessage(cache, L, msg([ev(1, "go.decided")], { readiness: readiness("READY"), meta, groups: [], windows: [{ id: "w" } as never], go: [] }), newPatchState());
    expect(cache.getQueryData<ReadinessDTO>(launchKeys.readiness(L))!.state).toBe("READY");
    expect(cache.getQueryData(launchKeys.meta(L))).toEqual(meta);
    expect(cache.getQueryData(launchKeys.windows(L))).toEqual([{ id: "w" }]);
    expect(cache.getQueryData(launchKeys.signoffs(L))).toBeUndefined();
    expect(cache.getQueryData(launchKeys.go(L))).toBeUndefined();
  });

  it("merges a readiness delta into the readiness the page holds, and an overview delta into its overview", () => {
    const cache = mapCache();
    const held = { ...readiness("NOT_READY"), checklist: { sections: [] }, reasons: [{ code: "OPEN_REQUIRED_ITEMS", severity: "blocker", message: "2 required items open" }] } as unknown as ReadinessDTO;
    cache.setQueryData(launchKeys.readiness(L), held);
    const ana = { userId: "ana", name: "Ana", what: ["2 required checks open"] };
    const ben = { userId: "ben", name: "Ben", what: ["1 required check open"] };
    cache.setQueryData(launchKeys.overview(L), { window: null, pending: [ana, ben], runbook: null });
    const reason = { code: "OPEN_REQUIRED_ITEMS", severity: "blocker", message: "1 required item open" } as const;
    applyLiveMessage(cache, L, msg([ev(8)], {
      readinessDelta: { computedAt: "y", state: "AT_RISK", reasons: { set: [reason] } },
      overviewDelta: { pending: { set: [{ ...ana, what: ["1 required check open"] }] } },
    }), newPatchState());
    expect(cache.getQueryData<ReadinessDTO>(launchKeys.readiness(L))).toEqual({ ...held, state: "AT_RISK", reasons: [reason], computedAt: "y" });
    expect(cache.getQueryData<OverviewDTO>(launchKeys.overview(L))!.pending).toEqual([{ ...ana, what: ["1 required check open"] }, ben]);
    expect(cache.refetched).toEqual([]);
  });

  it("refetches only the entry a delta does not fit, once, and leaves alone an entry the page does not hold", () => {
    const cache = mapCache();
    const held = { ...readiness("NOT_READY"), checklist: { sections: [] } } as unknown as ReadinessDTO;
    cache.setQueryData(launchKeys.readiness(L), held);
    const state = newPatchState();
    // The delta names a reason the page's copy does not have.
    const patch: LivePatch = { readinessDelta: { computedAt: "y", reasons: { set: [], drop: ["NO_WINDOW"] } }, overviewDelta: { pending: { set: [], drop: ["ana"] } } };
    applyLiveMessage(cache, L, msg([ev(9)], patch), state);
    applyLiveMessage(cache, L, msg([ev(9)], patch), state);
    expect(cache.getQueryData(launchKeys.readiness(L))).toBe(held);
    expect(cache.refetched).toEqual([JSON.stringify(launchKeys.readiness(L))]);
    expect(cache.getQueryData(launchKeys.overview(L))).toBeUndefined();
  });

  it("takes readiness whole when the batch carries it whole", () => {
    const cache = mapCache();
    cache.setQueryData(launchKeys.readiness(L), readiness("NOT_READY"));
    applyLiveMessage(cache, L, msg([ev(10)], { readiness: readiness("READY") }), newPatchState());
    expect(cache.getQueryData<ReadinessDTO>(launchKeys.readiness(L))!.state).toBe("READY");
  });

  it("appends a new comment and the item's history to an open drawer, once", () => {
    const cache = mapCache();
    const detail: ItemDetailDTO = { comments: [], history: [] };
    cache.setQueryData(launchKeys.item(L, "a"), detail);
    const comment = { id: "c1", authorName: "Noor", body: "Smoke tests green", at: "2027-01-01T00:00:00.000Z" };
    const m = msg([ev(30, "item.commented", { itemId: "a", commentId: "c1" })], { comments: [{ itemId: "a", comment }] });
    applyLiveMessage(cache, L, m, newPatchState());
    applyLiveMessage(cache, L, { ...m, events: [ev(31, "item.commented", { itemId: "a", commentId: "c1" })] }, newPatchState(30n));
    const after = cache.getQueryData<ItemDetailDTO>(launchKeys.item(L, "a"))!;
    expect(after.comments).toEqual([comment]);
    expect(after.history.map((h) => h.id)).toEqual(["31", "30"]);
  });

  it("restarts 'changed since the last sign-off' at a new sign-off and ignores sign-off bookkeeping", () => {
    const cache = mapCache();
    cache.setQueryData<ChangesDTO>(launchKeys.changes(L), { since: "2027-01-01T00:00:00.000Z", entries: [] });
    applyLiveMessage(cache, L, msg([ev(40, "item.status_changed", { itemId: "a" }), ev(41, "signoff.withdrawn")]), newPatchState());
    expect(cache.getQueryData<ChangesDTO>(launchKeys.changes(L))!.entries.map((e) => e.id)).toEqual(["40"]);
    applyLiveMessage(cache, L, msg([ev(42, "signoff.decided"), ev(43, "item.updated", { itemId: "b" })]), newPatchState(41n));
    const after = cache.getQueryData<ChangesDTO>(launchKeys.changes(L))!;
    expect(after.since).toBe(ev(42).at);
    expect(after.entries.map((e) => e.id)).toEqual(["43"]);
  });
  it("replaces the status-update timeline where the page holds it, and leaves it unfetched elsewhere", () => {
    const update: StatusUpdateDTO = { id: "su1", title: "Cutover started", message: "", impact: "NONE", state: "IN_PROGRESS", components: [], authorName: "Noor", version: 1, createdAt: "x", updatedAt: "x" };
    const without = mapCache();
    applyLiveMessage(without, L, msg([ev(1, "status_update.posted")], { statusUpdates: [update] }), newPatchState());
    expect(without.getQueryData(launchKeys.statusUpdates(L))).toBeUndefined();
    const cache = mapCache();
    cache.setQueryData(launchKeys.statusUpdates(L), []);
    applyLiveMessage(cache, L, msg([ev(1, "status_update.posted")], { statusUpdates: [update] }), newPatchState());
    expect(cache.getQueryData(launchKeys.statusUpdates(L))).toEqual([update]);
  });
  it("replaces the hypercare part where the page holds it, and leaves it unfetched elsewhere", () => {
    const hypercare: HypercareDTO = { status: "HYPERCARE", timeZone: "UTC", hypercare: null, criteria: [], incidents: [] };
    const without = mapCache();
    applyLiveMessage(without, L, msg([ev(1, "incident.opened")], { hypercare }), newPatchState());
    expect(without.getQueryData(launchKeys.hypercare(L))).toBeUndefined();
    const cache = mapCache();
    cache.setQueryData(launchKeys.hypercare(L), { ...hypercare, status: "LIVE" });
    applyLiveMessage(cache, L, msg([ev(1, "incident.opened")], { hypercare }), newPatchState());
    expect(cache.getQueryData(launchKeys.hypercare(L))).toEqual(hypercare);
  });
  it("replaces the runbook part where a runbook view holds it, and leaves it unfetched elsewhere", () => {
    const runbook = {
      launchId: L, timeZone: "UTC", runbookRequired: false, window: null, streams: [], dependencies: [], runs: [], currentRunId: "r1", decisions: [], people: [],
      runbook: { id: "rb", version: 2, revision: 1, paused: false, message: "", pausedAt: null, updatedAt: "2027-01-01T00:00:00.000Z" },
      rollback: { rollbackMin: 30, bufferMin: 10, measuredRollbackMin: null, effectiveRollbackMin: 30 },
      tasks: [{ id: "t1", status: "DONE" }],
    } as unknown as RunbookDto;
    const without = mapCache();
    applyLiveMessage(without, L, msg([ev(1, "runbook.task_finished")], { runbook }), newPatchState());
    expect(without.getQueryData(launchKeys.runbook(L))).toBeUndefined();
    const cache = mapCache();
    cache.setQueryData(launchKeys.runbook(L), { ...runbook, tasks: [{ id: "t1", status: "RUNNING" }] });
    applyLiveMessage(cache, L, msg([ev(1, "runbook.task_finished")], { runbook }), newPatchState());
    expect(cache.getQueryData(launchKeys.runbook(L))).toEqual(runbook);
  });
  it("merges a task-execution delta into the cached runbook: the current run's tasks and every run's actuals", () => {
    const person = { userId: "u2", name: "Noor" };
    const task = (id: string, status = "NOT_STARTED") => ({ id, title: id, version: 3, status, actualStart: null, actualEnd: null, reason: null, startedBy: null, finishedBy: null });
    const cached = {
      launchId: L, currentRunId: "live", tasks: [task("t1", "RUNNING"), task("t2")],
      runs: [
        { id: "old", actuals: [{ taskId: "t1", status: "DONE", start: "a", end: "b" }] },
        { id: "live", actuals: [{ taskId: "t1", status: "RUNNING", start: "2027-01-01T00:00:00.000Z", end: null }] },
      ],
    } as unknown as RunbookDto;
    const cache = mapCache();
    cache.setQueryData(launchKeys.runbook(L), cached);
    const runbookExec = [{
      runId: "live",
      executions: [
        { taskId: "t1", status: "DONE" as const, actualStart: "2027-01-01T00:00:00.000Z", actualEnd: "2027-01-01T00:30:00.000Z", reason: null, startedBy: person, finishedBy: person },
        { taskId: "t2", status: "RUNNING" as const, actualStart: "2027-01-01T00:30:00.000Z", actualEnd: null, reason: null, startedBy: person, finishedBy: null },
      ],
    }];
    applyLiveMessage(cache, L, msg([ev(1, "runbook.task_finished"), ev(2, "runbook.task_started")], { runbookExec }), newPatchState());
    const next = cache.getQueryData<RunbookDto>(launchKeys.runbook(L))!;
    expect(next.tasks).toEqual([
      { ...task("t1"), status: "DONE", actualStart: "2027-01-01T00:00:00.000Z", actualEnd: "2027-01-01T00:30:00.000Z", startedBy: person, finishedBy: person },
      { ...task("t2"), status: "RUNNING", actualStart: "2027-01-01T00:30:00.000Z", startedBy: person },
    ]);
    // Structure untouched (titles, versions); an earlier run keeps its actuals; the live run gains t2's.
    expect(next.runs[0]).toBe(cached.runs[0]);
    expect(next.runs[1].actuals).toEqual([
      { taskId: "t1", status: "DONE", start: "2027-01-01T00:00:00.000Z", end: "2027-01-01T00:30:00.000Z" },
      { taskId: "t2", status: "RUNNING", start: "2027-01-01T00:30:00.000Z", end: null },
    ]);
  });
  it("a delta for another run (a rehearsal that is not current) leaves the tasks alone; a page without the runbook stays unfetched", () => {
    const cached = { launchId: L, currentRunId: "live", tasks: [{ id: "t1", status: "RUNNING" }], runs: [{ id: "r2", actuals: [] }] } as unknown as RunbookDto;
    const cache = mapCache();
    cache.setQueryData(launchKeys.runbook(L), cached);
    const runbookExec = [{ runId: "r2", executions: [{ taskId: "t1", status: "DONE" as const, actualStart: "s", actualEnd: "e", reason: null, startedBy: null, finishedBy: null }] }];
    applyLiveMessage(cache, L, msg([ev(1, "runbook.task_finished")], { runbookExec }), newPatchState());
    const next = cache.getQueryData<RunbookDto>(launchKeys.runbook(L))!;
    expect(next.tasks).toBe(cached.tasks);
    expect(next.runs[0].actuals).toEqual([{ taskId: "t1", status: "DONE", start: "s", end: "e" }]);
    const without = mapCache();
    applyLiveMessage(without, L, msg([ev(1, "runbook.task_finished")], { runbookExec }), newPatchState());
    expect(without.getQueryData(launchKeys.runbook(L))).toBeUndefined();
  });
});
