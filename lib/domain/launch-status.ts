import { STATE_INFO, isLaunchState } from "@/lib/signoff/lifecycle";

// The chip a launch's lifecycle state shows, shared by every page. Labels come from the lifecycle, so a
// legacy READY row reads "Planning" like everything else that has not had its go/no-go. A GO recorded by
// override is never shown as a plain green "Go": it is an amber "Go (override)" carrying the reason, and a
// plain GO whose gates have since reopened says so, so no chip reads green beside "Not ready".

export type LaunchTone = "green" | "amber" | "red" | "grey" | "blue" | "accent";

export const LAUNCH_STATUS_TONE: Record<string, LaunchTone> = {
  PLANNING: "blue",
  READY: "blue",
  GO: "green",
  IN_WINDOW: "amber",
  LIVE: "green",
  HYPERCARE: "amber",
  CLOSED: "grey",
  NO_GO: "red",
  ROLLED_BACK: "red",
  CANCELLED: "grey",
};

export const LAUNCH_STATUS_LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(STATE_INFO).map(([state, info]) => [state, info.label]),
);

export type LaunchChip = { label: string; tone: LaunchTone; title: string; override: boolean };

export function launchStatusChip(
  status: string,
  context: { goOverride?: string | null; readiness?: "READY" | "AT_RISK" | "NOT_READY" | null } = {},
): LaunchChip {
  const known = isLaunchState(status);
  const base: LaunchChip = {
    label: known ? STATE_INFO[status].label : status,
    tone: LAUNCH_STATUS_TONE[status] ?? "grey",
    title: known ? STATE_INFO[status].description : "",
    override: false,
  };
  if (status !== "GO") return base;
  if (context.goOverride) {
    return { label: "Go (override)", tone: "amber", title: `Go by override, despite open gates: ${context.goOverride}`, override: true };
  }
  if (context.readiness && context.readiness !== "READY") {
    return { label: "Go (gates reopened)", tone: "amber", title: "Go was decided while ready; some gates have reopened since.", override: false };
  }
  return base;
}
