// Readiness and the overview as a live batch carries them once a viewer holds them: only the parts that
// changed since the instance last sent them for the launch (a tick moves one section's counts, one line
// of "waiting on" and the open-items reason, not the 3 kB of the whole). Pure and client-safe: the listener
// diffs once per batch (lib/live/enrich.ts), every viewer merges (lib/live/patch.ts).
//
// Why a delta is safe without a version: batches reach a stream in order and without gaps (a gap is
// replayed from the table with whole DTOs, lib/live/stream.ts), and each delta carries the new value of
// everything that changed, whole, by key. A viewer whose copy is older or newer than the one the delta was
// made against still ends equal to the server's after the batch that next changes each part. When a delta
// names a key the viewer's copy lacks (or lacks one it has), the merge refuses and the page refetches
// that one query, once.

import type { ChecklistSummary, SectionSummary } from "@/lib/checklist/readiness-summary";
import type { OverviewDTO, ReadinessDTO } from "@/lib/launches/view-types";
import type { PendingPerson } from "@/components/launches/who-must-act";
import type { EvaluatedGroup, Reason } from "@/lib/readiness/readiness-reasons";

/** A keyed list's change: the entries that changed (whole) and the keys that went, or the list whole. */
export type ListPatch<T> = { set: T[]; drop?: string[] } | { all: T[] };

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * How `next` differs from `prev`, entries matched by `key`: null when equal. Entries that stayed keep
 * their order and none is new: changed ones and dropped keys. Anything else (a new entry, a new order,
 * a repeated key, every entry changed): the list whole.
 */
export function diffList<T>(prev: readonly T[], next: readonly T[], key: (t: T) => string): ListPatch<T> | null {
  const before = new Map(prev.map((t) => [key(t), t]));
  const nextKeys = next.map(key);
  if (before.size !== prev.length || new Set(nextKeys).size !== next.length) return { all: [...next] };
  // Every next key in prev, in prev's order.
  let at = 0;
  const prevKeys = prev.map(key);
  for (const k of nextKeys) {
    while (at < prevKeys.length && prevKeys[at] !== k) at++;
    if (at === prevKeys.length) return { all: [...next] };
    at++;
  }
  const kept = new Set(nextKeys);
  const drop = prevKeys.filter((k) => !kept.has(k));
  const set = next.filter((t) => !same(before.get(key(t)), t));
  if (!set.length && !drop.length) return null;
  // Every entry left changed: the list whole is no longer.
  if (set.length === next.length) return { all: [...next] };
  return drop.length ? { set, drop } : { set };
}

/** `old` with the change applied, or null when it does not fit `old` (a key it names is not there). */
export function applyList<T>(old: readonly T[], patch: ListPatch<T>, key: (t: T) => string): T[] | null {
  if ("all" in patch) return patch.all;
  const have = new Set(old.map(key));
  const drop = new Set(patch.drop ?? []);
  const set = new Map(patch.set.map((t) => [key(t), t]));
  for (const k of [...drop, ...set.keys()]) if (!have.has(k)) return null;
  return old.filter((t) => !drop.has(key(t))).map((t) => set.get(key(t)) ?? t);
}

type ChecklistTotals = Omit<ChecklistSummary, "sections">;

/** Readiness' change; `computedAt` always (the "as of" a page shows). */
export type ReadinessDelta = {
  computedAt: string;
  state?: ReadinessDTO["state"];
  window?: ReadinessDTO["window"];
  totals?: ChecklistTotals;
  reasons?: ListPatch<Reason>;
  sections?: ListPatch<SectionSummary>;
  groups?: ListPatch<EvaluatedGroup>;
};

/** The overview's change: its window, its runbook line, who must act. */
export type OverviewDelta = {
  window?: OverviewDTO["window"];
  runbook?: OverviewDTO["runbook"];
  pending?: ListPatch<PendingPerson>;
};

const byCode = (r: Reason) => r.code;
const byId = (s: { id: string }) => s.id;
const byUser = (p: PendingPerson) => p.userId;
const totalsOf = ({ sections: _sections, ...totals }: ChecklistSummary): ChecklistTotals => totals;

/**
 * Readiness as the browser gets it: without the ids behind each reason (no screen reads them; the API's
 * launch resource keeps them), a third of its bytes on a large checklist.
 */
export function browserReadiness(dto: ReadinessDTO): ReadinessDTO {
  if (!dto.reasons.some((r) => r.itemIds)) return dto;
  return { ...dto, reasons: dto.reasons.map(({ itemIds: _itemIds, ...r }) => r) };
}

/** What changed from `prev` to `next`; null when nothing but the time it was computed. */
export function diffReadiness(prev: ReadinessDTO, next: ReadinessDTO): ReadinessDelta | null {
  const d: ReadinessDelta = { computedAt: next.computedAt };
  if (prev.state !== next.state) d.state = next.state;
  if (!same(prev.window, next.window)) d.window = next.window;
  if (!same(totalsOf(prev.checklist), totalsOf(next.checklist))) d.totals = totalsOf(next.checklist);
  const reasons = diffList(prev.reasons, next.reasons, byCode);
  if (reasons) d.reasons = reasons;
  const sections = diffList(prev.checklist.sections, next.checklist.sections, byId);
  if (sections) d.sections = sections;
  const groups = diffList(Object.values(prev.groups), Object.values(next.groups), byId);
  if (groups) d.groups = groups;
  return Object.keys(d).length > 1 ? d : null;
}

/** `old` with the delta merged, or null when the delta does not fit it (the page refetches readiness). */
export function applyReadinessDelta(old: ReadinessDTO, d: ReadinessDelta): ReadinessDTO | null {
  const reasons = d.reasons ? applyList(old.reasons, d.reasons, byCode) : old.reasons;
  const sections = d.sections ? applyList(old.checklist.sections, d.sections, byId) : old.checklist.sections;
  const groups = d.groups ? applyList(Object.values(old.groups), d.groups, byId) : null;
  if (!reasons || !sections || (d.groups && !groups)) return null;
  return {
    state: d.state ?? old.state,
    reasons,
    checklist: { ...(d.totals ?? totalsOf(old.checklist)), sections },
    groups: groups ? Object.fromEntries(groups.map((g) => [g.id, g])) : old.groups,
    window: d.window !== undefined ? d.window : old.window,
    computedAt: d.computedAt,
  };
}

const untimed = (r: OverviewDTO["runbook"]) => r && { ...r, computedAt: "" };

export function diffOverview(prev: OverviewDTO, next: OverviewDTO): OverviewDelta | null {
  const d: OverviewDelta = {};
  if (!same(prev.window, next.window)) d.window = next.window;
  // Its time of computing alone is no change (the page counts down from the point of no return itself).
  if (!same(untimed(prev.runbook), untimed(next.runbook))) d.runbook = next.runbook;
  const pending = diffList(prev.pending, next.pending, byUser);
  if (pending) d.pending = pending;
  return Object.keys(d).length ? d : null;
}

export function applyOverviewDelta(old: OverviewDTO, d: OverviewDelta): OverviewDTO | null {
  const pending = d.pending ? applyList(old.pending, d.pending, byUser) : old.pending;
  if (!pending) return null;
  return {
    ...old,
    window: d.window !== undefined ? d.window : old.window,
    runbook: d.runbook !== undefined ? d.runbook : old.runbook,
    pending,
  };
}
