import { CircleCheck, CircleX, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { GroupStatus } from "@/lib/signoff/rules";

export function GroupStatusBadge({ status, started }: { status: GroupStatus; started: boolean }) {
  if (status === "APPROVED") return <Badge tone="green" icon={<CircleCheck className="size-3.5" aria-hidden />}>Approved</Badge>;
  if (status === "REJECTED") return <Badge tone="red" icon={<CircleX className="size-3.5" aria-hidden />}>Rejected</Badge>;
  // Amber once someone has a say in it (approvals or stale ones), grey while nobody has looked yet.
  return <Badge tone={started ? "amber" : "grey"} icon={<Clock className="size-3.5" aria-hidden />}>Pending</Badge>;
}
