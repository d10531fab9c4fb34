// The launch lifecycle. The happy path runs PLANNING -> GO -> IN_WINDOW -> LIVE -> HYPERCARE -> CLOSED;
// NO_GO, ROLLED_BACK and CANCELLED are the exits. Moves into GO and NO_GO are only made by recording a
// go/no-go decision, so each has its notes and snapshot; the rest are direct status changes.
// There is no manual "ready": whether the gates are met is readiness' job (lib/readiness/readiness.ts), so
// a launch is PLANNING until its go/no-go. READY stays in the enum only for rows written before this rule:
// it reads and moves exactly like PLANNING and nothing moves into it.

export const LAUNCH_STATES = [
  "PLANNING", "READY", "GO", "IN_WINDOW", "LIVE", "HYPERCARE", "CLOSED", "NO_GO", "ROLLED_BACK", "CANCELLED",
] as const;
export type LaunchState = (typeof LAUNCH_STATES)[number];

export const STATE_INFO: Record<LaunchState, { label: string; description: string }> = {
  PLANNING: { label: "Planning", description: "Preparing the checklist, sign-offs and window." },
  // Legacy rows only (see above): shown as what it now means.
  READY: { label: "Planning", description: "Preparing the checklist, sign-offs and window." },
  GO: { label: "Go", description: "Go decided; waiting for the window to open." },
  IN_WINDOW: { label: "In window", description: "The cutover is under way." },
  LIVE: { label: "Live", description: "The new system is serving users." },
  HYPERCARE: { label: "Hypercare", description: "Live, under close watch until things settle." },
  CLOSED: { label: "Closed", description: "Done: the launch is complete." },
  NO_GO: { label: "No-go", description: "Called off for now; replan to try again." },
  ROLLED_BACK: { label: "Rolled back", description: "The change was reverted; replan to try again." },
  CANCELLED: { label: "Cancelled", description: "Abandoned: this launch will not happen." },
};

export const TERMINAL_STATES: ReadonlySet<LaunchState> = new Set(["CLOSED", "CANCELLED"]);

/** Targets reachable from each state, and whether the move needs a go/no-go decision. */
const TRANSITIONS: Record<LaunchState, Partial<Record<LaunchState, "direct" | "go-decision">>> = {
  PLANNING: { GO: "go-decision", NO_GO: "go-decision" },
  READY: { GO: "go-decision", NO_GO: "go-decision" },
  GO: { IN_WINDOW: "direct", NO_GO: "go-decision" },
  IN_WINDOW: { LIVE: "direct", ROLLED_BACK: "direct" },
  LIVE: { HYPERCARE: "direct", ROLLED_BACK: "direct" },
  HYPERCARE: { CLOSED: "direct" },
  NO_GO: { PLANNING: "direct" },
  ROLLED_BACK: { PLANNING: "direct" },
  CLOSED: {},
  CANCELLED: {},
};
// Cancelling means "this will not happen": possible until the window opens. Once changes are being made
// (IN_WINDOW) or are live, the honest exits are ROLLED_BACK or moving on to CLOSED.
const ONCE_STARTED: ReadonlySet<LaunchState> = new Set(["IN_WINDOW", "LIVE", "HYPERCARE"]);
for (const state of LAUNCH_STATES) if (!TERMINAL_STATES.has(state) && !ONCE_STARTED.has(state)) TRANSITIONS[state].CANCELLED = "direct";

export function isLaunchState(value: string): value is LaunchState {
  return (LAUNCH_STATES as readonly string[]).includes(value);
}

/** The state a launch is treated as: a legacy READY row is PLANNING. */
export function effectiveState(state: LaunchState): LaunchState {
  return state === "READY" ? "PLANNING" : state;
}

export function canTransition(from: LaunchState, to: LaunchState): boolean {
  return TRANSITIONS[from][to] !== undefined;
}

/** True when the move must be made by recording a go/no-go decision rather than a plain status change. */
export function requiresGoDecision(from: LaunchState, to: LaunchState): boolean {
  return TRANSITIONS[from][to] === "go-decision";
}

/** Allowed next states, in lifecycle order. */
export function nextStates(from: LaunchState): LaunchState[] {
  return LAUNCH_STATES.filter((to) => canTransition(from, to));
}

/** Why the move is refused, for the user; null when it is allowed. */
export function transitionError(from: LaunchState, to: LaunchState): string | null {
  if (canTransition(from, to)) return null;
  const [a, b] = [STATE_INFO[from].label, STATE_INFO[to].label];
  if (from === to) return `The launch is already “${a}”.`;
  if (TERMINAL_STATES.has(from)) return `The launch is ${a.toLowerCase()}; it can no longer change.`;
  const options = nextStates(from).map((s) => STATE_INFO[s].label.toLowerCase());
  const choices = options.length > 1 ? `${options.slice(0, -1).join(", ")} or ${options.at(-1)}` : options[0];
  return `A launch can’t go from ${a.toLowerCase()} to ${b.toLowerCase()}; from ${a.toLowerCase()} it can move to ${choices}.`;
}
