"use client";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { useNow } from "@/components/windows/use-viewer-zone";
import type { RunbookPonrDto } from "@/lib/runbook/dto";
import { formatCountdown, formatInZone } from "@/lib/time/format";
import { minutes } from "./time";

/** Overview: the countdown to the point of no return and the runbook's forecast against the window end.
 *  Red once rolling back would no longer fit. The server computes it once per batch; the clock ticks here. */
export function PonrCard({ launchId, ponr, zone }: { launchId: string; ponr: RunbookPonrDto | null; zone: string }) {
  const now = useNow(1000);
  if (!ponr?.pointOfNoReturn) return null;
  const remaining = now === null ? null : Date.parse(ponr.pointOfNoReturn) - now;
  const red = ponr.rollbackFits === false;
  return (
    <Card aria-labelledby="runbook-forecast" data-testid="ponr-card" data-rollback-fits={ponr.rollbackFits === null ? undefined : String(ponr.rollbackFits)}>
      <CardHeader
        id="runbook-forecast"
        title="Runbook forecast"
        actions={
          <Link href={`/launches/${launchId}/runbook`} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
            Runbook
          </Link>
        }
      />
      <div className="space-y-3 p-4">
        <div className={cn("rounded-md px-3 py-2 ring-1 ring-inset", red ? "bg-red-50 ring-red-600/30 dark:bg-red-950/50 dark:ring-red-400/30" : "bg-zinc-50 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800")}>
          <div className="text-xs text-zinc-600 dark:text-zinc-400">To point of no return</div>
          <div className="font-mono text-base font-semibold tabular-nums" data-testid="countdown">
            {remaining === null ? "--:--:--" : remaining > 0 ? formatCountdown(remaining) : "Passed"}
          </div>
          <div className="text-xs text-zinc-600 dark:text-zinc-400">{formatInZone(new Date(ponr.pointOfNoReturn), zone, { year: false })}</div>
          {red && (
            <p className="mt-1 flex items-center gap-1.5 text-sm font-medium text-red-800 dark:text-red-200">
              <AlertTriangle className="size-4 shrink-0" aria-hidden />
              Rolling back would no longer fit in the window.
            </p>
          )}
        </div>
        {ponr.forecastEnd && (
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div>
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">Forecast end</dt>
              <dd className="tabular-nums">{formatInZone(new Date(ponr.forecastEnd), zone, { year: false, weekday: false })}</dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">Slack to window end</dt>
              <dd className={cn("flex items-center gap-1 font-semibold tabular-nums", ponr.slackMin !== null && ponr.slackMin < 0 ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300")}>
                {ponr.slackMin !== null && (ponr.slackMin < 0 ? <AlertTriangle className="size-4" aria-hidden /> : <CheckCircle2 className="size-4" aria-hidden />)}
                {ponr.slackMin === null ? "—" : ponr.slackMin < 0 ? `${minutes(-ponr.slackMin)} over` : `${minutes(ponr.slackMin)} left`}
              </dd>
            </div>
          </dl>
        )}
      </div>
    </Card>
  );
}
