// Counts behind the progress bars and the readiness reasons. A waived (NOT_APPLICABLE) required item
// resolves its gate but is not "done": both are reported, so nobody mistakes a waiver for a test run.

import { isResolved, type ItemState, type SectionState } from "./types";

export type SectionSummary = {
  id: string;
  title: string;
  total: number;
  done: number;
  requiredTotal: number;
  requiredResolved: number;
  blocked: number;
  percent: number;
};

export type ChecklistSummary = {
  requiredTotal: number;
  requiredDone: number;
  /** Required items marked NOT_APPLICABLE. */
  waived: number;
  /** Required items neither done nor waived. */
  requiredOpen: number;
  /** Blocked items, required or optional. */
  blocked: number;
  /** Unresolved items, required or optional, whose due time has passed. */
  overdue: number;
  optionalTotal: number;
  optionalDone: number;
  /** Required items resolved, as a whole percentage; 100 when nothing is required. */
  percent: number;
  sections: SectionSummary[];
};

type SummaryItem = Pick<ItemState, "sectionId" | "required" | "status" | "dueAt">;

/** Rounded down, so a bar never reads 100% while a gate is still open. */
function percentOf(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part / whole) * 100);
}

export function isOverdue(item: Pick<ItemState, "status" | "dueAt">, now: Date): boolean {
  return !isResolved(item.status) && item.dueAt !== null && item.dueAt.getTime() < now.getTime();
}

export function summarizeChecklist(
  sections: readonly SectionState[],
  items: readonly SummaryItem[],
  now: Date,
): ChecklistSummary {
  const required = items.filter((i) => i.required);
  const optional = items.filter((i) => !i.required);
  const requiredDone = required.filter((i) => i.status === "DONE").length;
  const waived = required.filter((i) => i.status === "NOT_APPLICABLE").length;

  const bySection = new Map<string, SummaryItem[]>();
  for (const item of items) {
    const list = bySection.get(item.sectionId);
    if (list) list.push(item);
    else bySection.set(item.sectionId, [item]);
  }

  const sectionSummaries = [...sections]
    .sort((a, b) => a.position - b.position)
    .map((section): SectionSummary => {
      const own = bySection.get(section.id) ?? [];
      const ownRequired = own.filter((i) => i.required);
      const requiredResolved = ownRequired.filter((i) => isResolved(i.status)).length;
      // A section of optional items still deserves a moving bar, so it falls back to all its items.
      const percent =
        ownRequired.length > 0
          ? percentOf(requiredResolved, ownRequired.length)
          : percentOf(own.filter((i) => isResolved(i.status)).length, own.length);
      return {
        id: section.id,
        title: section.title,
        total: own.length,
        done: own.filter((i) => i.status === "DONE").length,
        requiredTotal: ownRequired.length,
        requiredResolved,
        blocked: own.filter((i) => i.status === "BLOCKED").length,
        percent,
      };
    });

  return {
    requiredTotal: required.length,
    requiredDone,
    waived,
    requiredOpen: required.length - requiredDone - waived,
    blocked: items.filter((i) => i.status === "BLOCKED").length,
    overdue: items.filter((i) => isOverdue(i, now)).length,
    optionalTotal: optional.length,
    optionalDone: optional.filter((i) => i.status === "DONE").length,
    percent: percentOf(requiredDone + waived, required.length),
    sections: sectionSummaries,
  };
}
