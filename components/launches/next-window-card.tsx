import Link from "next/link";
import { CalendarClock, ShieldAlert } from "lucide-react";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Countdown } from "@/components/windows/countdown";
import { TimeTriple } from "@/components/windows/time-triple";
import { WindowStatusBadge } from "@/components/windows/window-status-badge";
import type { WindowDto } from "@/lib/windows/dto";

/** The window the launch is heading for, with ticking countdowns to start, checkpoint and point of no return. */
export function NextWindowCard({ launchId, window: w, zone }: { launchId: string; window: WindowDto | null; zone: string }) {
  return (
    <Card aria-labelledby="next-window">
      <CardHeader
        id="next-window"
        title="Deployment window"
        actions={
          <Link href={`/launches/${launchId}/windows`} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
            Windows
          </Link>
        }
      />
      {!w ? (
        <EmptyState icon={<CalendarClock className="size-8" />} title="No window scheduled">
          A launch is not ready until a window is scheduled. Managers propose and schedule it on the Windows tab.
        </EmptyState>
      ) : (
        <div className="space-y-3 p-4">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{w.environment}</span>
            <WindowStatusBadge status={w.status} />
          </div>
          <TimeTriple at={w.start} zone={zone} label="Starts" />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3 lg:grid-cols-1 xl:grid-cols-3">
            <Countdown at={w.start} label="To start" />
            {w.checkpoint && <Countdown at={w.checkpoint} label="To go/no-go checkpoint" />}
            {w.pointOfNoReturn && <Countdown at={w.pointOfNoReturn} label="To point of no return" />}
          </div>
          {w.freezeOverrideReason && (
            <p className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
              <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>Scheduled into a freeze. Override reason: {w.freezeOverrideReason}</span>
            </p>
          )}
        </div>
      )}
    </Card>
  );
}
