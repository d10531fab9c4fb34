// The reasons a launch is not ready, each worded for the person who can act on it. Blockers are unmet
// gates; risks are warning signs that do not by themselves stop a go.

import { isOverdue } from "../checklist/readiness-summary";
import { listWithMore, plural, quoteList } from "../checklist/quote-list";
import { isResolved, type ItemState } from "../checklist/types";
import { formatDuration } from "../signoff/duration";
import type { GroupEvaluation } from "../signoff/rules";

export type ReasonCode =
  | "OPEN_REQUIRED_ITEMS"
  | "SIGNOFF_REJECTED"
  | "SIGNOFF_STALE"
  | "SIGNOFF_MISSING"
  | "NO_WINDOW"
  | "WINDOW_IN_FREEZE"
  | "BLOCKED_ITEMS"
  | "OVERDUE_ITEMS"
  | "WINDOW_APPROACHING"
  | "NO_RUNBOOK"
  | "RUNBOOK_OVERRUNS";

export type Reason = {
  code: ReasonCode;
  severity: "blocker" | "risk";
  message: string;
  itemIds?: string[];
  groupIds?: string[];
};

export type EvaluatedGroup = GroupEvaluation & { id: string; name: string };

const requiredNote = (items: ItemState[]) => {
  const required = items.filter((i) => i.required).length;
  return required === 0 ? "" : required === items.length ? " (all required)" : ` (${required} required)`;
};

export function itemReasons(items: readonly ItemState[], now: Date): Reason[] {
  const reasons: Reason[] = [];
  const open = items.filter((i) => i.required && !isResolved(i.status));
  if (open.length > 0) {
    reasons.push({
      code: "OPEN_REQUIRED_ITEMS",
      severity: "blocker",
      message: `${plural(open.length, "required item")} open: ${quoteList(open.map((i) => i.title))}`,
      itemIds: open.map((i) => i.id),
    });
  }
  const blocked = items.filter((i) => i.status === "BLOCKED");
  if (blocked.length > 0) {
    reasons.push({
      code: "BLOCKED_ITEMS",
      severity: "risk",
      message: `${plural(blocked.length, "item")} blocked${requiredNote(blocked)}: ${quoteList(blocked.map((i) => i.title))}`,
      itemIds: blocked.map((i) => i.id),
    });
  }
  // Most overdue first: that is the one to chase.
  const overdue = items.filter((i) => isOverdue(i, now)).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
  if (overdue.length > 0) {
    reasons.push({
      code: "OVERDUE_ITEMS",
      severity: "risk",
      message: `${plural(overdue.length, "item")} overdue${requiredNote(overdue)}: ${quoteList(overdue.map((i) => i.title))}`,
      itemIds: overdue.map((i) => i.id),
    });
  }
  return reasons;
}

export function signoffReasons(groups: readonly EvaluatedGroup[]): Reason[] {
  const reasons: Reason[] = [];
  const rejected = groups.filter((g) => g.status === "REJECTED");
  if (rejected.length > 0) {
    reasons.push({
      code: "SIGNOFF_REJECTED",
      severity: "blocker",
      message: `Rejected by ${quoteList(rejected.map((g) => g.name))}: read their comments and resolve them`,
      groupIds: rejected.map((g) => g.id),
    });
  }
  const pending = groups.filter((g) => g.status === "PENDING");
  // A group held up by approvals that went stale is named as such: the fix is to ask them again.
  const stale = pending.filter((g) => g.staleCount > 0);
  if (stale.length > 0) {
    const count = stale.reduce((n, g) => n + g.staleCount, 0);
    reasons.push({
      code: "SIGNOFF_STALE",
      severity: "blocker",
      message: `${plural(count, "sign-off")} went stale after changes and must be given again: ${quoteList(stale.map((g) => g.name))}`,
      groupIds: stale.map((g) => g.id),
    });
  }
  const missing = pending.filter((g) => g.staleCount === 0);
  if (missing.length > 0) {
    reasons.push({
      code: "SIGNOFF_MISSING",
      severity: "blocker",
      message: missingMessage(missing),
      groupIds: missing.map((g) => g.id),
    });
  }
  return reasons;
}

/**
 * One sentence per kind of gap, never one per group: groups merely waiting are listed together with their
 * counts, and groups that can't be approved are grouped by the problem, said once.
 */
function missingMessage(missing: readonly EvaluatedGroup[]): string {
  const waiting = missing.filter((g) => !g.problem).map((g) => `“${g.name}” (${g.approvals} of ${g.needed})`);
  const parts: string[] = [];
  if (waiting.length === 1) parts.push(`Waiting for sign-off from ${waiting[0]}`);
  if (waiting.length > 1) parts.push(`${waiting.length} sign-off groups are missing: ${listWithMore(waiting)}`);
  const byProblem = new Map<string, string[]>();
  for (const g of missing) {
    if (!g.problem) continue;
    const problem = sentenceTail(g.problem);
    byProblem.set(problem, [...(byProblem.get(problem) ?? []), g.name]);
  }
  for (const [problem, names] of byProblem) {
    const who = names.length === 1 ? quoteList(names) : `${names.length} sign-off groups (${quoteList(names)})`;
    parts.push(`${who} can’t be approved: ${problem}`);
  }
  return parts.join("; ");
}

/** "No approvers are assigned." -> "no approvers are assigned": to continue a sentence, without a doubled stop. */
function sentenceTail(text: string): string {
  const trimmed = text.trim().replace(/[.\s]+$/, "");
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

export function windowReasons(
  window: { status: string; startsAt: Date } | null,
  freeze: { reason: string } | null,
): Reason[] {
  if (!window) {
    return [{ code: "NO_WINDOW", severity: "blocker", message: "No deployment window is scheduled yet: schedule one" }];
  }
  const reasons: Reason[] = [];
  if (window.status !== "SCHEDULED" && window.status !== "IN_PROGRESS") {
    const status = window.status.toLowerCase().replace(/_/g, " ");
    reasons.push({ code: "NO_WINDOW", severity: "blocker", message: `The deployment window is ${status}, not scheduled` });
  }
  if (freeze) {
    reasons.push({
      code: "WINDOW_IN_FREEZE",
      severity: "blocker",
      message: `The window falls in a change freeze (${freeze.reason}): move it, or record an override with a reason`,
    });
  }
  return reasons;
}

/**
 * The runbook at planning time (issue 12): none when the launch requires one (a per-launch setting, on for
 * launches made from a template with a runbook), or a planned end after the window closes.
 */
export function runbookReasons(runbook: { required: boolean; exists: boolean; slackMin: number | null } | null | undefined): Reason[] {
  if (!runbook) return [];
  if (!runbook.exists) {
    return runbook.required ? [{ code: "NO_RUNBOOK", severity: "blocker", message: "This launch needs a runbook and has none yet: create one from a template, by hand or from a CSV" }] : [];
  }
  if (runbook.slackMin !== null && runbook.slackMin < 0) {
    const over = Math.ceil(-runbook.slackMin);
    return [{ code: "RUNBOOK_OVERRUNS", severity: "blocker", message: `The runbook does not fit the window: its planned end is ${formatDuration(over * 60_000)} after the window closes` }];
  }
  return [];
}

export function approachingReason(msUntilStart: number, blockerCount: number): Reason {
  const when = msUntilStart > 0 ? `opens in ${formatDuration(msUntilStart)}` : `opened ${formatDuration(msUntilStart)} ago`;
  const verb = blockerCount === 1 ? "is" : "are";
  return {
    code: "WINDOW_APPROACHING",
    severity: "risk",
    message: `The window ${when} and ${plural(blockerCount, "gate")} ${verb} still unmet`,
  };
}
