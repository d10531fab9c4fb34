import { CircleCheck, CircleDashed, CircleX, Flag, Radio, Rocket, Undo2, Ban, Activity, Archive } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { LAUNCH_STATUS_LABEL, LAUNCH_STATUS_TONE } from "@/lib/domain/launch-status";

const ICONS: Record<string, typeof Flag> = {
  PLANNING: CircleDashed,
  READY: CircleCheck,
  GO: Rocket,
  IN_WINDOW: Radio,
  LIVE: CircleCheck,
  HYPERCARE: Activity,
  CLOSED: Archive,
  NO_GO: CircleX,
  ROLLED_BACK: Undo2,
  CANCELLED: Ban,
};

export function LaunchStatusBadge({ status }: { status: string }) {
  const Icon = ICONS[status] ?? Flag;
  return (
    <Badge tone={LAUNCH_STATUS_TONE[status] ?? "grey"} icon={<Icon className="size-3.5" aria-hidden />}>
      {LAUNCH_STATUS_LABEL[status] ?? status}
    </Badge>
  );
}
