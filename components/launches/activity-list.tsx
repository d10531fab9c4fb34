import { History } from "lucide-react";
import { EmptyState } from "@/components/ui/card";
import { TimeStamp } from "@/components/time-stamp";
import { describeEvent } from "@/lib/domain/activity";
import type { ActivityEntry } from "@/lib/launches/dto";

export function ActivityList({ entries, zone }: { entries: ActivityEntry[]; zone: string }) {
  if (entries.length === 0) {
    return (
      <EmptyState icon={<History className="size-8" />} title="No activity yet">
        Every change to this launch appears here, with who made it and when.
      </EmptyState>
    );
  }
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Activity">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-col gap-0.5 px-4 py-2.5 text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
          <p className="min-w-0">
            <span className="font-medium">{e.actorName ?? "Liftoff"}</span> {describeEvent(e.type, e.payload)}
          </p>
          <TimeStamp at={e.at} zone={zone} className="shrink-0 text-xs text-zinc-600 dark:text-zinc-300" />
        </li>
      ))}
    </ol>
  );
}
