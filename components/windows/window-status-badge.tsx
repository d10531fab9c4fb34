import { Ban, CalendarCheck, CircleCheck, CircleDashed, Radio, Undo2 } from "lucide-react";
import { Badge, type Tone } from "@/components/ui/badge";
import { WINDOW_STATUS_LABEL, type WindowStatus } from "@/lib/windows/lifecycle";

// Status colours, one meaning everywhere: amber running, green done, red rolled back, grey inactive; the accent for
// a confirmed plan. Always with an icon and a word.
const STYLE: Record<WindowStatus, { tone: Tone; icon: typeof Radio }> = {
  PROPOSED: { tone: "grey", icon: CircleDashed },
  SCHEDULED: { tone: "accent", icon: CalendarCheck },
  IN_PROGRESS: { tone: "amber", icon: Radio },
  COMPLETED: { tone: "green", icon: CircleCheck },
  ROLLED_BACK: { tone: "red", icon: Undo2 },
  CANCELLED: { tone: "grey", icon: Ban },
};

export function WindowStatusBadge({ status }: { status: WindowStatus }) {
  const { tone, icon: Icon } = STYLE[status];
  return (
    <Badge tone={tone} icon={<Icon className="size-3.5" aria-hidden />}>
      {WINDOW_STATUS_LABEL[status]}
    </Badge>
  );
}
