// The live patcher: applies one batch (its events and the DTOs they changed) to a launch's query-cache
// entries in place. Pure over a minimal cache interface (TanStack's QueryClient satisfies it), so the
// unit test drives it with a plain Map. No refetch, no server render: every viewer's cost of a change is
// one message parsed and a few entries replaced.
import type { ChecklistDTO, ItemDetailDTO, ItemDTO } from "@/lib/checklist/dto";
import { launchKeys } from "@/lib/launches/query-keys";
import { applyOverviewDelta, applyReadinessDelta } from "./delta";
import type { RunbookDto, RunbookExecDelta, RunActualDto } from "@/lib/runbook/dto";
import type { ActivityEntry, ChangesDTO, LiveEventDTO, LiveMessage, LivePatch, OverviewDTO } from "@/lib/launches/view-types";

export type CacheLike = {
  getQueryData<T>(key: readonly unknown[]): T | undefined;
  setQueryData<T>(key: readonly unknown[], updater: T | ((old: T | undefined) => T | undefined)): unknown;
  /** Refetches one entry (a delta that did not fit what the page holds): the only request a patch makes. */
  invalidateQueries(filters: { queryKey: readonly unknown[]; exact: true }): unknown;
};

/** Per launch page: what was applied, and the ids of events this tab's own actions wrote. */
export type PatchState = { lastApplied: bigint; ownEventIds: Set<string> };

export const newPatchState = (cursor: string | bigint = 0n): PatchState => ({ lastApplied: BigInt(cursor), ownEventIds: new Set() });

export const ACTIVITY_CAP = 200;
const SIGNOFF_BOOKKEEPING = new Set(["signoff.decided", "signoff.withdrawn"]);

/**
 * Applies `message` unless it was applied already (a duplicate or an older message arriving late).
 * Returns the events that were not this tab's own (for "X just changed Y" cues), or null when skipped.
 */
export function applyLiveMessage(cache: CacheLike, launchId: string, message: LiveMessage, state: PatchState): LiveEventDTO[] | null {
  const { events, patch } = message;
  if (!events.length) return [];
  const last = BigInt(events[events.length - 1].id);
  if (last <= state.lastApplied) return null;
  const fresh = events.filter((e) => BigInt(e.id) > state.lastApplied);
  state.lastApplied = last;
  applyPatch(cache, launchId, patch);
  applyEvents(cache, launchId, fresh);
  const foreign = fresh.filter((e) => !state.ownEventIds.has(e.id));
  for (const e of fresh) state.ownEventIds.delete(e.id);
  return foreign;
}

/** Replaces a cached entry only when the page has it: parts nobody looks at are fetched when needed. */
function replace<T>(cache: CacheLike, key: readonly unknown[], value: T | undefined) {
  if (value === undefined || cache.getQueryData(key) === undefined) return;
  cache.setQueryData<T>(key, value);
}

/**
 * Merges a delta into the entry the page holds (none held: nothing to do, it is read when shown). One that
 * does not fit it leaves the entry as it is and refetches it, once.
 */
function merge<T, D>(cache: CacheLike, key: readonly unknown[], delta: D, apply: (old: T, delta: D) => T | null) {
  const old = cache.getQueryData<T>(key);
  if (old === undefined) return;
  const next = apply(old, delta);
  if (next) cache.setQueryData<T>(key, next);
  else void cache.invalidateQueries({ queryKey: key, exact: true });
}

export function applyPatch(cache: CacheLike, launchId: string, patch: LivePatch) {
  // The header and the readiness are on every launch page.
  if (patch.meta) cache.setQueryData(launchKeys.meta(launchId), patch.meta);
  if (patch.readiness) cache.setQueryData(launchKeys.readiness(launchId), patch.readiness);
  else if (patch.readinessDelta) merge(cache, launchKeys.readiness(launchId), patch.readinessDelta, applyReadinessDelta);
  replace(cache, launchKeys.signoffs(launchId), patch.groups);
  replace(cache, launchKeys.windows(launchId), patch.windows);
  replace(cache, launchKeys.members(launchId), patch.members);
  replace(cache, launchKeys.go(launchId), patch.go);
  replace(cache, launchKeys.overview(launchId), patch.overview);
  if (patch.overviewDelta && !patch.overview) merge(cache, launchKeys.overview(launchId), patch.overviewDelta, applyOverviewDelta);
  if (patch.ponr && !patch.overview) {
    const ponr = patch.ponr;
    cache.setQueryData<OverviewDTO>(launchKeys.overview(launchId), (old) => (old ? { ...old, runbook: ponr } : old));
  }
  replace(cache, launchKeys.statusUpdates(launchId), patch.statusUpdates);
  replace(cache, launchKeys.hypercare(launchId), patch.hypercare);
  replace(cache, launchKeys.runbook(launchId), patch.runbook);
  if (patch.runbookExec?.length && !patch.runbook) {
    const deltas = patch.runbookExec;
    cache.setQueryData<RunbookDto>(launchKeys.runbook(launchId), (old) => (old ? mergeExecutions(old, deltas) : old));
  }
  if (patch.items || patch.deletedItemIds || patch.sections || patch.checklistMembers) {
    cache.setQueryData<ChecklistDTO>(launchKeys.checklist(launchId), (old) => (old ? mergeChecklist(old, patch) : old));
  }
  for (const { itemId, comment } of patch.comments ?? []) {
    cache.setQueryData<ItemDetailDTO>(launchKeys.item(launchId, itemId), (old) =>
      old && !old.comments.some((c) => c.id === comment.id) ? { ...old, comments: [...old.comments, comment] } : old,
    );
  }
}

/**
 * Task executions into the cached runbook: the tasks' fields when the delta is for the current run, and
 * the run's actuals (the rehearsal comparison) for any run. The delta is the server's state after the
 * batch, so it replaces what an optimistic update wrote.
 */
export function mergeExecutions(old: RunbookDto, deltas: readonly RunbookExecDelta[]): RunbookDto {
  let { tasks, runs } = old;
  for (const { runId, executions, plannedMin } of deltas) {
    const byTask = new Map(executions.map((e) => [e.taskId, e]));
    if (runId === old.currentRunId) {
      tasks = tasks.map((t) => {
        const e = byTask.get(t.id);
        if (!e) return t;
        const { taskId: _taskId, ...fields } = e;
        return { ...t, ...fields };
      });
    }
    runs = runs.map((run) => {
      if (run.id !== runId) return run;
      const actual = (taskId: string): RunActualDto => {
        const e = byTask.get(taskId)!;
        return { taskId, status: e.status, start: e.actualStart, end: e.actualEnd };
      };
      const known = new Set(run.actuals.map((a) => a.taskId));
      const added = [...byTask.keys()].filter((id) => !known.has(id)).map(actual);
      const actuals = run.actuals.map((a) => (byTask.has(a.taskId) ? actual(a.taskId) : a));
      // Ordered by task id, as the loader reads them.
      return { ...run, ...(plannedMin ? { plannedMin } : {}), actuals: added.length ? [...actuals, ...added].sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0)) : actuals };
    });
  }
  return { ...old, tasks, runs };
}

const byPosition = (a: ItemDTO, b: ItemDTO) => a.position - b.position;

/** Items are versioned: an incoming DTO never replaces a newer one (e.g. this tab's acknowledged edit). */
export function mergeChecklist(old: ChecklistDTO, patch: LivePatch): ChecklistDTO {
  let items = old.items;
  if (patch.items) {
    const incoming = new Map(patch.items.map((i) => [i.id, i]));
    const current = new Map(old.items.map((i) => [i.id, i]));
    const pick = (id: string) => {
      const next = incoming.get(id);
      const prev = current.get(id);
      if (!next) return prev;
      return prev && prev.version > next.version ? prev : next;
    };
    const ids = patch.itemsComplete ? [...incoming.keys()] : [...new Set([...current.keys(), ...incoming.keys()])];
    items = ids.map(pick).filter((i): i is ItemDTO => !!i);
    items.sort(byPosition);
  }
  if (patch.deletedItemIds?.length) {
    const gone = new Set(patch.deletedItemIds);
    items = items.filter((i) => !gone.has(i.id));
  }
  return {
    ...old,
    items,
    sections: patch.sections ?? old.sections,
    members: patch.checklistMembers ?? old.members,
    windowStartsAt: old.windowStartsAt,
  };
}

function applyEvents(cache: CacheLike, launchId: string, events: LiveEventDTO[]) {
  if (!events.length) return;
  const newestFirst = [...events].reverse().map(toEntry);
  cache.setQueryData<ActivityEntry[]>(launchKeys.activity(launchId), (old) => {
    if (!old) return old;
    const seen = new Set(old.map((o) => o.id));
    return [...newestFirst.filter((e) => !seen.has(e.id)), ...old].slice(0, ACTIVITY_CAP);
  });
  cache.setQueryData<ChangesDTO>(launchKeys.changes(launchId), (old) => (old ? mergeChanges(old, events) : old));
  // Each open item drawer's history.
  const byItem = new Map<string, ActivityEntry[]>();
  for (const e of newestFirst) {
    const ids = [e.payload.itemId, ...(Array.isArray(e.payload.itemIds) ? e.payload.itemIds : [])].filter((x): x is string => typeof x === "string");
    for (const id of ids) byItem.set(id, [...(byItem.get(id) ?? []), e]);
  }
  for (const [itemId, entries] of byItem) {
    cache.setQueryData<ItemDetailDTO>(launchKeys.item(launchId, itemId), (old) => {
      if (!old) return old;
      const seen = new Set(old.history.map((h) => h.id));
      return { ...old, history: [...entries.filter((e) => !seen.has(e.id)), ...old.history] };
    });
  }
}

const toEntry = (e: LiveEventDTO): ActivityEntry => ({ id: e.id, type: e.type, at: e.at, actorName: e.actorName, payload: e.payload });

/** "Changed since the last sign-off": a new sign-off restarts the list; other events join it. */
export function mergeChanges(old: ChangesDTO, events: LiveEventDTO[]): ChangesDTO {
  let { since, entries } = old;
  for (const e of events) {
    if (e.type === "signoff.decided") {
      since = e.at;
      entries = [];
    } else if (since && !SIGNOFF_BOOKKEEPING.has(e.type) && !entries.some((x) => x.id === e.id)) {
      entries = [toEntry(e), ...entries];
    }
  }
  return { since, entries: entries.slice(0, 50) };
}
