// Readiness as it travels: to the browser, into a sign-off's snapshot, into a go/no-go record. Plain JSON
// (dates as ISO strings) so the same shape is stored in Postgres and rendered by client components.

import type { ChecklistSummary } from "@/lib/checklist/readiness-summary";
import type { Readiness, ReadinessState, Reason } from "./readiness";
import type { EvaluatedGroup } from "./readiness-reasons";

export type ReadinessDTO = {
  state: ReadinessState;
  reasons: Reason[];
  checklist: ChecklistSummary;
  groups: Record<string, EvaluatedGroup>;
  window: { id: string; startsAt: string; endsAt: string; status: string } | null;
  computedAt: string;
};

export function toReadinessDTO(readiness: Readiness, now: Date): ReadinessDTO {
  const w = readiness.window;
  return {
    state: readiness.state,
    reasons: readiness.reasons,
    checklist: readiness.checklist,
    groups: readiness.groups,
    window: w ? { id: w.id, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), status: w.status } : null,
    computedAt: now.toISOString(),
  };
}

/** A snapshot read back from a Json column; anything that is not a readiness DTO reads as null. */
export function parseReadinessDTO(value: unknown): ReadinessDTO | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<ReadinessDTO>;
  if (typeof v.state !== "string" || !Array.isArray(v.reasons) || !v.checklist) return null;
  return v as ReadinessDTO;
}

export type CountChange = { label: string; before: number; after: number };
export type ReadinessDiff = {
  stateBefore: ReadinessState;
  stateAfter: ReadinessState;
  added: Reason[];
  removed: Reason[];
  changed: { before: Reason; after: Reason }[];
  counts: CountChange[];
  windowMoved: { before: string | null; after: string | null } | null;
};

const COUNTS: [keyof ChecklistSummary, string][] = [
  ["requiredDone", "Required items done"],
  ["requiredOpen", "Required items open"],
  ["requiredTotal", "Required items in total"],
  ["waived", "Required items waived"],
  ["blocked", "Blocked items"],
  ["overdue", "Overdue items"],
];

/**
 * What changed between the readiness an approver signed against and now. Reasons are matched by code:
 * a code that appeared or went away is added or removed; one whose wording changed ("2 required items
 * open" -> "3 ...") is listed as changed. The window countdown rewords itself every minute, so only its
 * appearing or going away counts.
 */
export function diffReadiness(before: ReadinessDTO, after: ReadinessDTO): ReadinessDiff {
  const was = new Map(before.reasons.map((r) => [r.code, r]));
  const is = new Map(after.reasons.map((r) => [r.code, r]));
  const changed = after.reasons
    .filter((r) => r.code !== "WINDOW_APPROACHING" && was.has(r.code) && was.get(r.code)!.message !== r.message)
    .map((r) => ({ before: was.get(r.code)!, after: r }));
  const counts = COUNTS.map(([key, label]) => ({ label, before: before.checklist[key] as number, after: after.checklist[key] as number })).filter(
    (c) => c.before !== c.after,
  );
  const [wb, wa] = [before.window?.startsAt ?? null, after.window?.startsAt ?? null];
  const endMoved = (before.window?.endsAt ?? null) !== (after.window?.endsAt ?? null);
  return {
    stateBefore: before.state,
    stateAfter: after.state,
    added: after.reasons.filter((r) => !was.has(r.code)),
    removed: before.reasons.filter((r) => !is.has(r.code)),
    changed,
    counts,
    windowMoved: wb !== wa || endMoved ? { before: wb, after: wa } : null,
  };
}

export function isUnchanged(diff: ReadinessDiff): boolean {
  return diff.stateBefore === diff.stateAfter && !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.counts.length && !diff.windowMoved;
}
