// THE readiness of a launch: a pure function of its items, sign-offs and window. The rule:
// - Blockers are unmet gates: open required items, rejected, stale or missing sign-offs, no scheduled
//   window, a window in a freeze. Risks are warnings: blocked or overdue items (required or not), and
//   the window within atRiskHours while gates are unmet.
// - READY: no reasons at all. AT_RISK: risks only (e.g. an optional item blocked), or blockers while
//   there is still time: the window is more than atRiskHours away and no required item is blocked or
//   overdue. NOT_READY: every other case (blockers and no window, a close window, or stuck items).

import { isOverdue, summarizeChecklist, type ChecklistSummary } from "../checklist/readiness-summary";
import type { ItemState, SectionState } from "../checklist/types";
import {
  approachingReason,
  itemReasons,
  signoffReasons,
  windowReasons,
  runbookReasons,
  type EvaluatedGroup,
  type Reason,
} from "./readiness-reasons";
import { evaluateGroup, type GroupInput } from "../signoff/rules";

export type { Reason, ReasonCode } from "./readiness-reasons";
export type ReadinessState = "NOT_READY" | "AT_RISK" | "READY";

export type ReadinessInput = {
  now: Date;
  atRiskHours: number;
  items: readonly ItemState[];
  /** Only for the per-section counts in `checklist`; the state does not depend on sections. */
  sections?: readonly SectionState[];
  groups: readonly (GroupInput & { id: string; name: string })[];
  /** The next SCHEDULED or IN_PROGRESS window, if any. */
  window: { id: string; startsAt: Date; endsAt: Date; status: string } | null;
  windowFreezeConflict: { reason: string } | null;
  /** The runbook's planned fit in the window (slackMin < 0: it overruns); absent: not considered. */
  runbook?: { required: boolean; exists: boolean; slackMin: number | null } | null;
};

export type Readiness = {
  state: ReadinessState;
  reasons: Reason[];
  checklist: ChecklistSummary;
  groups: Record<string, EvaluatedGroup>;
  window: { id: string; startsAt: Date; endsAt: Date; status: string; msUntilStart: number } | null;
};

const HOUR = 3_600_000;

export function computeReadiness(input: ReadinessInput): Readiness {
  const { now, items, window } = input;
  const evaluated = input.groups.map((g): EvaluatedGroup => ({ ...evaluateGroup(g), id: g.id, name: g.name }));
  const msUntilStart = window ? window.startsAt.getTime() - now.getTime() : null;

  const found = [
    ...itemReasons(items, now),
    ...signoffReasons(evaluated),
    ...windowReasons(window, input.windowFreezeConflict),
    ...runbookReasons(input.runbook),
  ];
  const blockers = found.filter((r) => r.severity === "blocker");
  const risks = found.filter((r) => r.severity === "risk");
  const scheduled = window !== null && (window.status === "SCHEDULED" || window.status === "IN_PROGRESS");
  const windowFar = scheduled && msUntilStart! > input.atRiskHours * HOUR;
  if (blockers.length > 0 && window && !windowFar) risks.push(approachingReason(msUntilStart!, blockers.length));

  const requiredStuck = items.some((i) => i.required && (i.status === "BLOCKED" || isOverdue(i, now)));
  const state: ReadinessState =
    blockers.length === 0 && risks.length === 0
      ? "READY"
      : blockers.length === 0 || (windowFar && !requiredStuck)
        ? "AT_RISK"
        : "NOT_READY";

  return {
    state,
    reasons: [...blockers, ...risks],
    checklist: summarizeChecklist(input.sections ?? [], items, now),
    groups: Object.fromEntries(evaluated.map((g) => [g.id, g])),
    window: window ? { ...window, msUntilStart: msUntilStart! } : null,
  };
}
