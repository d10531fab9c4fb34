import { AlertOctagon, AlertTriangle, CheckCircle2, CircleDot, Info, Search, Wrench } from "lucide-react";
import { Badge, type Tone } from "@/components/ui/badge";
import { IMPACT_LABEL, STATE_LABEL, type Impact, type UpdateState } from "@/lib/status-updates/schema";

// Impact and state as words with an icon (never colour alone); shared by the overview and the share page.

const IMPACT_TONE: Record<Impact, Tone> = { NONE: "grey", MINOR: "blue", MAJOR: "amber", CRITICAL: "red" };
const STATE_TONE: Record<UpdateState, Tone> = {
  SCHEDULED: "grey", IN_PROGRESS: "amber", COMPLETED: "green", INVESTIGATING: "red", IDENTIFIED: "amber", MONITORING: "blue", RESOLVED: "green",
};
const STATE_ICON: Record<UpdateState, typeof Info> = {
  SCHEDULED: CircleDot, IN_PROGRESS: Wrench, COMPLETED: CheckCircle2, INVESTIGATING: Search, IDENTIFIED: AlertTriangle, MONITORING: Info, RESOLVED: CheckCircle2,
};

export function ImpactBadge({ impact }: { impact: Impact }) {
  const Icon = impact === "CRITICAL" ? AlertOctagon : impact === "NONE" ? Info : AlertTriangle;
  return (
    <Badge tone={IMPACT_TONE[impact]} icon={<Icon className="size-3" aria-hidden />}>
      {impact === "NONE" ? IMPACT_LABEL.NONE : `${IMPACT_LABEL[impact]} impact`}
    </Badge>
  );
}

export function StateBadge({ state }: { state: UpdateState }) {
  const Icon = STATE_ICON[state];
  return (
    <Badge tone={STATE_TONE[state]} icon={<Icon className="size-3" aria-hidden />}>
      {STATE_LABEL[state]}
    </Badge>
  );
}
