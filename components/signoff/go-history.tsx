import { OctagonX, Rocket, ShieldAlert } from "lucide-react";
import { TimeStamp } from "@/components/time-stamp";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { GoDecisionView } from "@/lib/signoff/dto";

/** A GO recorded against unmet gates, impossible to miss: the override reason and what was overridden. */
export function OverrideCallout({ decision, zone }: { decision: GoDecisionView; zone: string }) {
  return (
    <div role="note" data-testid="override-callout" className="rounded-lg border-2 border-red-600 bg-red-50 p-4 text-red-950 dark:border-red-500 dark:bg-red-950/60 dark:text-red-100 print:bg-white print:text-black">
      <p className="flex items-center gap-2 text-lg font-bold">
        <ShieldAlert className="size-6 shrink-0" aria-hidden /> GO by override — gates were not met
      </p>
      <p className="mt-1 text-base">“{decision.overrideReason}”</p>
      <p className="mt-1 text-sm">
        {decision.decidedBy}, <TimeStamp at={decision.createdAt} zone={zone} /> · readiness was {decision.readinessAtDecision?.toLowerCase().replace("_", " ") ?? "unknown"}
      </p>
      {decision.reasonsAtDecision.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm">
          {decision.reasonsAtDecision.map((r) => <li key={r}>{r}</li>)}
        </ul>
      )}
    </div>
  );
}

export function GoHistory({ decisions, zone }: { decisions: GoDecisionView[]; zone: string }) {
  return (
    <Card aria-labelledby="go-history" className="print:break-inside-avoid-page print:shadow-none">
      <CardHeader id="go-history" title="Decision history" description="Newest first" />
      {decisions.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400">
          No go/no-go decision yet. A manager records it here at the checkpoint, once the checks are done and the sign-offs given.
        </p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Go/no-go decisions">
          {decisions.map((d) => (
            <li key={d.id} className={cn("px-4 py-3 text-sm", d.overrideReason && "bg-red-50/60 dark:bg-red-950/30")} data-testid="go-decision">
              <p className="flex flex-wrap items-center gap-2">
                <span className={cn("inline-flex items-center gap-1 font-bold", d.outcome === "GO" ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400")}>
                  {d.outcome === "GO" ? <Rocket className="size-4" aria-hidden /> : <OctagonX className="size-4" aria-hidden />}
                  {d.outcome === "GO" ? "GO" : "NO-GO"}
                </span>
                {d.overrideReason && <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-bold uppercase text-white">Override</span>}
                <span className="text-zinc-600 dark:text-zinc-400">by {d.decidedBy}, <TimeStamp at={d.createdAt} zone={zone} /></span>
              </p>
              {d.overrideReason && <p className="mt-1 font-medium text-red-800 dark:text-red-300">Override reason: “{d.overrideReason}”</p>}
              {d.notes && <p className="mt-1 whitespace-pre-line">{d.notes}</p>}
              {d.nextStep && <p className="mt-1"><span className="font-medium">Next step:</span> {d.nextStep}</p>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
