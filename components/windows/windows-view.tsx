"use client";
import { useQuery } from "@tanstack/react-query";
import { CalendarPlus } from "lucide-react";
import { Card, EmptyState } from "@/components/ui/card";
import { launchQueries } from "@/lib/launches/view-queries";
import type { EnvironmentDto } from "@/lib/windows/dto";
import { WindowCard } from "./window-card";

type Props = { launchId: string; launchZone: string; canManage: boolean; environments: EnvironmentDto[]; timeZones: string[] };

const ACTIVE = new Set(["PROPOSED", "SCHEDULED", "IN_PROGRESS"]);

/** The launch's windows from the query cache (patched live): planned ones first, then the past. */
export function WindowsView({ launchId, launchZone, canManage, environments, timeZones }: Props) {
  const windows = useQuery(launchQueries.windows(launchId)).data ?? [];
  const active = windows.filter((w) => ACTIVE.has(w.status));
  const past = windows.filter((w) => !ACTIVE.has(w.status));
  const card = (w: (typeof windows)[number]) => (
    <WindowCard key={`${w.id}:${w.version}`} window={w} launchZone={launchZone} canManage={canManage} environments={environments} timeZones={timeZones} />
  );
  return (
    <>
      <section aria-label="Windows" className="space-y-4">
        {active.length === 0 && (
          <Card>
            <EmptyState icon={<CalendarPlus className="size-8" />} title="No window planned">
              {canManage ? "Plan the go-live window below; the team sees it here and on the calendar." : "A manager of this launch schedules its window; it will appear here."}
            </EmptyState>
          </Card>
        )}
        {active.map(card)}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-windows" className="order-last space-y-4">
          <h2 id="past-windows" className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
            Past and cancelled windows
          </h2>
          {past.map(card)}
        </section>
      )}
    </>
  );
}
