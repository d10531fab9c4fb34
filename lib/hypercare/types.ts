// Hypercare's shapes and words, client-safe: the page, the live patch and the pure criteria share them.

export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABEL: Record<Severity, string> = {
  1: "Sev 1 · critical",
  2: "Sev 2 · major",
  3: "Sev 3 · minor",
  4: "Sev 4 · low",
};

export const INCIDENT_STATES = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const INCIDENT_STATE_LABEL: Record<IncidentState, string> = {
  INVESTIGATING: "Investigating",
  IDENTIFIED: "Identified",
  MONITORING: "Monitoring",
  RESOLVED: "Resolved",
};

export const CRITERION_KINDS = ["NO_SEV1", "METRIC", "SIGNED"] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const CRITERION_KIND_LABEL: Record<CriterionKind, string> = {
  NO_SEV1: "No Sev 1 for a number of days",
  METRIC: "A metric within a threshold",
  SIGNED: "Signed by a manager",
};

export const COMPARATORS = ["BELOW", "ABOVE"] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const DEFAULT_HYPERCARE_DAYS = 14;

export type CriterionDTO = {
  id: string;
  kind: CriterionKind;
  title: string;
  position: number;
  days: number | null;
  comparator: Comparator | null;
  threshold: string | null;
  unit: string;
  hours: number | null;
  value: string | null;
  valueRecordedAt: string | null;
  valueRecordedByName: string | null;
  signedAt: string | null;
  signedByName: string | null;
  version: number;
};

export type IncidentNoteDTO = {
  id: string;
  authorName: string | null;
  body: string;
  fromState: IncidentState | null;
  toState: IncidentState | null;
  severity: number | null;
  at: string;
};

export type IncidentDTO = {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  highestSeverity: Severity;
  state: IncidentState;
  releaseRelated: boolean;
  rollbackTrigger: boolean;
  ownerId: string | null;
  ownerName: string | null;
  openedByName: string | null;
  openedAt: string;
  resolvedAt: string | null;
  version: number;
  notes: IncidentNoteDTO[];
};

export type HypercareRecordDTO = {
  startedAt: string;
  plannedEndAt: string;
  closedAt: string | null;
  closedByName: string | null;
  overrideReason: string | null;
  overriddenBlockers: string[];
  version: number;
};

/** The "hypercare" view part: the record (null before the launch entered hypercare), criteria, incidents. */
export type HypercareDTO = {
  status: string;
  timeZone: string;
  hypercare: HypercareRecordDTO | null;
  criteria: CriterionDTO[];
  /** Newest first. */
  incidents: IncidentDTO[];
};
