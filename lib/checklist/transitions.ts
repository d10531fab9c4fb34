// Whether an item may move to a new status. Pure, so the command can check it inside its transaction
// and the form can explain a refusal before the user submits.

import { quoteList } from "./quote-list";
import { isResolved, type ItemState, type ItemStatus } from "./types";

export type StatusChangeCode =
  | "REASON_REQUIRED"
  | "JUSTIFICATION_REQUIRED"
  | "MANAGER_REQUIRED"
  | "PREDECESSORS_OPEN"
  | "EVIDENCE_REQUIRED";

export type StatusChangeResult =
  | { ok: true }
  | { ok: false; code: StatusChangeCode; message: string; field?: "reason" | "evidence" | "status" };

export type StatusChangeInput = {
  item: Pick<ItemState, "title" | "status" | "required" | "requiresEvidence" | "evidenceNote" | "evidenceLinks">;
  to: ItemStatus;
  reason?: string | null;
  predecessors: { id: string; title: string; status: ItemStatus }[];
  actorIsManager: boolean;
  /** Evidence submitted with the change, which replaces the item's current evidence. */
  evidence?: { note: string; links: string[] };
};

export function checkStatusChange(input: StatusChangeInput): StatusChangeResult {
  const { item, to, predecessors, actorIsManager } = input;
  const reason = input.reason?.trim() ?? "";
  const title = `“${item.title}”`;

  if (to === "BLOCKED" && !reason) {
    return {
      ok: false,
      code: "REASON_REQUIRED",
      field: "reason",
      message: `Say what is blocking ${title}, so the team knows who can unblock it.`,
    };
  }

  if (to === "NOT_APPLICABLE") {
    if (!reason) {
      return {
        ok: false,
        code: "JUSTIFICATION_REQUIRED",
        field: "reason",
        message: `Explain why ${title} does not apply to this launch; approvers will read it.`,
      };
    }
    // Waiving a required gate lowers the bar for go-live, so it is a manager's call.
    if (item.required && !actorIsManager) {
      return {
        ok: false,
        code: "MANAGER_REQUIRED",
        field: "status",
        message: `${title} is a required gate: only a manager can mark it not applicable.`,
      };
    }
  }

  if (to === "DONE") {
    const open = predecessors.filter((p) => !isResolved(p.status));
    if (open.length > 0) {
      const verb = open.length === 1 ? "is" : "are";
      return {
        ok: false,
        code: "PREDECESSORS_OPEN",
        field: "status",
        message: `${title} can’t be done yet: ${quoteList(open.map((p) => p.title))} ${verb} not finished.`,
      };
    }
    const note = input.evidence?.note ?? item.evidenceNote;
    const links = input.evidence?.links ?? item.evidenceLinks;
    if (item.requiresEvidence && !note.trim() && !links.some((l) => l.trim())) {
      return {
        ok: false,
        code: "EVIDENCE_REQUIRED",
        field: "evidence",
        message: `${title} needs evidence before it is done: add a note or a link to the result.`,
      };
    }
  }

  return { ok: true };
}

/**
 * A resolved gate reopening: DONE to anything else, or a waived (NOT_APPLICABLE) item back to work.
 * Sign-offs given before a regression no longer describe the launch, so they go stale.
 */
export function isRegression(from: ItemStatus, to: ItemStatus): boolean {
  if (from === "DONE") return to !== "DONE";
  return from === "NOT_APPLICABLE" && !isResolved(to);
}
