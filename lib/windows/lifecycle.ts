// Deployment window lifecycle. Pure: the command layer asks these before writing a status change.

export const WINDOW_STATUSES = ["PROPOSED", "SCHEDULED", "IN_PROGRESS", "COMPLETED", "ROLLED_BACK", "CANCELLED"] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

// SCHEDULED -> PROPOSED exists so a manager can release the environment without losing the plan.
const NEXT: Record<WindowStatus, readonly WindowStatus[]> = {
  PROPOSED: ["SCHEDULED", "CANCELLED"],
  SCHEDULED: ["IN_PROGRESS", "PROPOSED", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "ROLLED_BACK"],
  COMPLETED: [],
  ROLLED_BACK: [],
  CANCELLED: [],
};

export const WINDOW_STATUS_LABEL: Record<WindowStatus, string> = {
  PROPOSED: "Proposed",
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  ROLLED_BACK: "Rolled back",
  CANCELLED: "Cancelled",
};

/** Verb for the button that moves a window into this status. */
export const WINDOW_TRANSITION_LABEL: Record<WindowStatus, string> = {
  PROPOSED: "Unschedule",
  SCHEDULED: "Schedule",
  IN_PROGRESS: "Start window",
  COMPLETED: "Mark completed",
  ROLLED_BACK: "Mark rolled back",
  CANCELLED: "Cancel window",
};

export function isWindowStatus(value: unknown): value is WindowStatus {
  return typeof value === "string" && (WINDOW_STATUSES as readonly string[]).includes(value);
}

export function nextWindowStatuses(from: WindowStatus): readonly WindowStatus[] {
  return NEXT[from];
}

export function canTransitionWindow(from: WindowStatus, to: WindowStatus): boolean {
  return NEXT[from].includes(to);
}

export function isTerminalWindowStatus(status: WindowStatus): boolean {
  return NEXT[status].length === 0;
}

/** Only these hold the environment: the exclusion constraint in the migration uses the same set. */
export function occupiesEnvironment(status: WindowStatus): boolean {
  return status === "SCHEDULED" || status === "IN_PROGRESS";
}

/** Null when allowed; otherwise a sentence the user sees, saying what happened and what to do. */
export function windowTransitionError(from: WindowStatus, to: WindowStatus): string | null {
  if (canTransitionWindow(from, to)) return null;
  const fromLabel = WINDOW_STATUS_LABEL[from].toLowerCase();
  if (from === to) return `The window is already ${fromLabel}.`;
  if (isTerminalWindowStatus(from)) {
    return `The window is ${fromLabel} and can no longer change; schedule a new window instead.`;
  }
  const allowed = NEXT[from].map((s) => WINDOW_STATUS_LABEL[s].toLowerCase()).join(" or ");
  return `A ${fromLabel} window cannot become ${WINDOW_STATUS_LABEL[to].toLowerCase()}; it can only become ${allowed}.`;
}
