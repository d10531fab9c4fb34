import { AlarmClock, Ban, CircleCheck, CircleSlash, ListChecks } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ChecklistSummary } from "@/lib/checklist/readiness-summary";
import { ProgressBar } from "./progress-bar";

// The checklist's readiness at a glance, from the pure summarizeChecklist. A server component: the
// overview renders it from loadChecklistSummary(); the checklist page renders it from its cache.

function Stat({ icon, label, value, tone }: { icon: ReactNode; label: string; value: number; tone?: "red" | "amber" | "grey" }) {
  return (
    // A valid <dl> group holds only <dt> then <dd>: the value is drawn above its label by flex-col-reverse.
    <div className="relative flex flex-col-reverse pl-7">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">
        <span className={cn("absolute left-0 top-1/2 -translate-y-1/2", tone === "red" && value > 0 ? "text-red-600 dark:text-red-400" : tone === "amber" && value > 0 ? "text-amber-600 dark:text-amber-400" : "text-zinc-400")} aria-hidden>
          {icon}
        </span>
        {label}
      </dt>
      <dd className={cn("text-lg font-semibold tabular-nums leading-tight", tone === "red" && value > 0 && "text-red-700 dark:text-red-400")}>{value}</dd>
    </div>
  );
}

export function ChecklistSummaryCard({ summary, href, showSections = true }: { summary: ChecklistSummary; href?: string; showSections?: boolean }) {
  const complete = summary.requiredTotal > 0 && summary.requiredOpen === 0;
  return (
    <Card aria-labelledby="checklist-summary" data-testid="checklist-summary">
      <CardHeader
        id="checklist-summary"
        title="Checklist readiness"
        description={summary.requiredTotal === 0 ? "No required checks yet." : `${summary.requiredDone + summary.waived} of ${summary.requiredTotal} required checks resolved`}
        actions={href ? <a href={href} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">Open checklist</a> : undefined}
      />
      <div className="space-y-4 p-4">
        <div className="flex items-center gap-3">
          <ProgressBar percent={summary.percent} blocked={summary.blocked > 0} label={`Required checks resolved: ${summary.percent}%`} className="h-2.5" />
          <span className={cn("w-12 text-right text-sm font-semibold tabular-nums", complete && "text-green-700 dark:text-green-400")}>{summary.percent}%</span>
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Stat icon={<CircleCheck className="size-5" />} label="Required done" value={summary.requiredDone} />
          <Stat icon={<ListChecks className="size-5" />} label="Required open" value={summary.requiredOpen} tone="amber" />
          <Stat icon={<Ban className="size-5" />} label="Blocked" value={summary.blocked} tone="red" />
          <Stat icon={<AlarmClock className="size-5" />} label="Overdue" value={summary.overdue} tone="red" />
          <Stat icon={<CircleSlash className="size-5" />} label="Waived (N/A)" value={summary.waived} tone="grey" />
        </dl>
        {showSections && summary.sections.length > 0 && (
          <ul className="space-y-2" aria-label="Progress per section">
            {summary.sections.map((s) => (
              <li key={s.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[12rem_minmax(0,1fr)_6rem]">
                <span className="truncate">{s.title}</span>
                <span className="text-right text-xs tabular-nums text-zinc-600 sm:order-last dark:text-zinc-400">
                  {s.requiredTotal ? `${s.requiredResolved}/${s.requiredTotal}` : `${s.done}/${s.total}`} · {s.percent}%
                </span>
                <ProgressBar percent={s.percent} blocked={s.blocked > 0} label={`${s.title}: ${s.percent}%`} className="col-span-2 sm:col-span-1" />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
