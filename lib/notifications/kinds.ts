// The kinds of notification mail and the modes a user picks for them. Plain data: the settings form,
// the unsubscribe page and the server read the same table.

export const NOTIFICATION_KINDS = ["assigned", "startable", "signoff_requested", "signoff_stale", "go_decision", "sev1", "window_start"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** "all" is a user's default for every kind without its own choice. */
export const PREFERENCE_KINDS = ["all", ...NOTIFICATION_KINDS] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

export const NOTIFICATION_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** Without any choice a user gets every kind at once. */
export const DEFAULT_MODE: NotificationMode = "IMMEDIATE";

/** Minutes before a scheduled window's start at which its members are reminded. */
export const WINDOW_REMINDER_MINUTES = 30;

/**
 * The digest job's pg-boss schedule (lib/jobs/install.ts), in UTC: every 15 minutes, because each user's
 * digest is due at their own local hour (lib/notifications/digest-time.ts) and every zone's offset from
 * UTC is a multiple of 15 minutes. A run with nobody due reads one small query and sends nothing.
 */
export const DIGEST_CRON = "*/15 * * * *";

export const KIND_LABELS: Record<PreferenceKind, { label: string; hint: string }> = {
  all: { label: "Everything", hint: "Your default for every kind below that you leave on “Default”." },
  assigned: { label: "Assigned to you", hint: "A checklist item or runbook task is given to you." },
  startable: { label: "Your task can start", hint: "Every runbook task before one of yours has finished." },
  signoff_requested: { label: "Sign-off requested", hint: "You are an approver of a sign-off group." },
  signoff_stale: { label: "Sign-offs went stale", hint: "A check reopened after you signed, so your sign-off needs a new look." },
  go_decision: { label: "GO / NO-GO recorded", hint: "A manager records the decision on a launch of yours." },
  sev1: { label: "Sev 1 opened", hint: "A severity 1 incident is opened (or raised to Sev 1) during hypercare." },
  window_start: { label: `Window starts in ${WINDOW_REMINDER_MINUTES} minutes`, hint: "Sent on time even when you chose the digest: a reminder is no use the next morning." },
};

export const MODE_LABELS: Record<NotificationMode, string> = { IMMEDIATE: "At once", DIGEST: "Daily digest", OFF: "Off" };
