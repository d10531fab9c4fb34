import { Ban, CircleCheck, CircleDashed, CircleDot, CircleSlash } from "lucide-react";
import { Badge, type Tone } from "@/components/ui/badge";
import type { ItemStatus } from "@/lib/checklist/types";

// One look per status everywhere : green done, amber in progress, red blocked, grey N/A,
// always with an icon and a word, never colour alone.

export const STATUS_LABEL: Record<ItemStatus, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  BLOCKED: "Blocked",
  NOT_APPLICABLE: "N/A",
};

export const STATUS_TONE: Record<ItemStatus, Tone> = {
  TODO: "blue",
  IN_PROGRESS: "amber",
  DONE: "green",
  BLOCKED: "red",
  NOT_APPLICABLE: "grey",
};

export const STATUS_ICON: Record<ItemStatus, typeof CircleCheck> = {
  TODO: CircleDashed,
  IN_PROGRESS: CircleDot,
  DONE: CircleCheck,
  BLOCKED: Ban,
  NOT_APPLICABLE: CircleSlash,
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  const Icon = STATUS_ICON[status];
  return (
    <Badge tone={STATUS_TONE[status]} icon={<Icon className="size-3.5" aria-hidden />}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
