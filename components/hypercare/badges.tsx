import { AlertOctagon, AlertTriangle, CheckCircle2, CircleDot, Eye, Search, Siren } from "lucide-react";
import { Badge, type Tone } from "@/components/ui/badge";
import { INCIDENT_STATE_LABEL, type IncidentState, type Severity } from "@/lib/hypercare/types";

// Severity and state always carry a word and an icon, never colour alone.

const SEVERITY_TONE: Record<Severity, Tone> = { 1: "red", 2: "amber", 3: "blue", 4: "grey" };

export function SeverityBadge({ severity }: { severity: Severity }) {
  const Icon = severity === 1 ? AlertOctagon : severity === 2 ? AlertTriangle : CircleDot;
  return (
    <Badge tone={SEVERITY_TONE[severity]} icon={<Icon className="size-3.5" aria-hidden />}>
      Sev {severity}
    </Badge>
  );
}

const STATE_TONE: Record<IncidentState, Tone> = { INVESTIGATING: "red", IDENTIFIED: "amber", MONITORING: "blue", RESOLVED: "green" };
const STATE_ICON: Record<IncidentState, typeof Search> = { INVESTIGATING: Search, IDENTIFIED: AlertTriangle, MONITORING: Eye, RESOLVED: CheckCircle2 };

export function IncidentStateBadge({ state }: { state: IncidentState }) {
  const Icon = STATE_ICON[state];
  return (
    <Badge tone={STATE_TONE[state]} icon={<Icon className="size-3.5" aria-hidden />}>
      {INCIDENT_STATE_LABEL[state]}
    </Badge>
  );
}

export function RollbackTriggerBadge() {
  return (
    <Badge tone="red" icon={<Siren className="size-3.5" aria-hidden />}>
      Rollback trigger
    </Badge>
  );
}

export function MetBadge({ met }: { met: boolean }) {
  return met ? (
    <Badge tone="green" icon={<CheckCircle2 className="size-3.5" aria-hidden />}>
      Met
    </Badge>
  ) : (
    <Badge tone="amber" icon={<CircleDot className="size-3.5" aria-hidden />}>
      Not met
    </Badge>
  );
}
