// Labels and tones of a launch's lifecycle state, shared by every page.
export const LAUNCH_STATUS_LABEL: Record<string, string> = {
  PLANNING: "Planning",
  READY: "Ready",
  GO: "Go",
  IN_WINDOW: "In window",
  LIVE: "Live",
  HYPERCARE: "Hypercare",
  CLOSED: "Closed",
  NO_GO: "No-go",
  ROLLED_BACK: "Rolled back",
  CANCELLED: "Cancelled",
};

export const LAUNCH_STATUS_TONE: Record<string, "green" | "amber" | "red" | "grey" | "blue" | "accent"> = {
  PLANNING: "blue",
  READY: "green",
  GO: "green",
  IN_WINDOW: "amber",
  LIVE: "green",
  HYPERCARE: "amber",
  CLOSED: "grey",
  NO_GO: "red",
  ROLLED_BACK: "red",
  CANCELLED: "grey",
};
