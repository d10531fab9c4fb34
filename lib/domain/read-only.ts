// A CLOSED or CANCELLED launch is a record, not work in progress: no command may change it. Pure, so the
// rule is unit-tested beside this file and applied once, in runLaunchCommand, for every command.

import type { Action } from "./roles";

export const READ_ONLY_STATES: ReadonlySet<string> = new Set(["CLOSED", "CANCELLED"]);

export const READ_ONLY_MESSAGE = "This launch is closed; it is read-only.";

/**
 * Still allowed on a closed or cancelled launch:
 * - members.manage: membership is access control, not launch content. Revoking a leaver's access to an
 *   archived launch (or an admin repairing one whose managers left) must stay possible. The sign-off
 *   record is left as it was when the launch closed (member removal withdraws decisions only on open launches).
 * - template.save: saving a finished launch's checklist as a template reads the launch and changes nothing in it.
 * Everything else (checklist, comments, sign-offs, go/no-go, windows, lifecycle, settings) is refused.
 */
const ALLOWED_WHEN_CLOSED: ReadonlySet<Action> = new Set<Action>(["members.manage", "template.save"]);

export function isReadOnlyLaunch(status: string): boolean {
  return READ_ONLY_STATES.has(status);
}

/** The refusal for running `action` on a launch in `status`, or null when the command may run. */
export function readOnlyRefusal(status: string, action: Action): string | null {
  if (!isReadOnlyLaunch(status) || ALLOWED_WHEN_CLOSED.has(action)) return null;
  return READ_ONLY_MESSAGE;
}
