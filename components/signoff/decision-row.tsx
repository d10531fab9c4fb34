import { CircleCheck, CircleX, Clock, Link2 } from "lucide-react";
import { TimeStamp } from "@/components/time-stamp";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { DecisionView } from "@/lib/signoff/dto";
import { isSafeHttpUrl } from "@/lib/validation/text";

/** One approver's standing in a group: their decision, when, why and the evidence, or that we wait. */
export function DecisionRow({ name, decision, zone, isMe }: { name: string; decision: DecisionView | null; zone: string; isMe: boolean }) {
  const stale = !!decision?.staleAt;
  return (
    <li className="px-4 py-2.5 text-sm" data-testid="decision-row" data-stale={stale || undefined}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">
          {name} {isMe && <span className="font-normal text-zinc-500 dark:text-zinc-400">(you)</span>}
        </span>
        {!decision ? (
          <Badge tone="grey" icon={<Clock className="size-3.5" aria-hidden />}>Waiting</Badge>
        ) : (
          <span className={cn("inline-flex flex-wrap items-center gap-x-3 gap-y-1", stale && "opacity-60")}>
            <span className={cn(stale && "line-through")}>
              {decision.decision === "APPROVE" ? (
                <Badge tone={stale ? "grey" : "green"} icon={<CircleCheck className="size-3.5" aria-hidden />}>Approved</Badge>
              ) : (
                <Badge tone={stale ? "grey" : "red"} icon={<CircleX className="size-3.5" aria-hidden />}>Rejected</Badge>
              )}
            </span>
            <TimeStamp at={decision.createdAt} zone={zone} className={cn("text-xs text-zinc-600 dark:text-zinc-300", stale && "line-through")} />
          </span>
        )}
      </div>
      {decision && stale && (
        <p className="mt-1 font-medium text-amber-800 dark:text-amber-300" data-testid="stale-reason">
          Went stale: {decision.staleReason ?? "the launch changed after this sign-off"}
        </p>
      )}
      {decision?.comment && <p className={cn("mt-1 whitespace-pre-line text-zinc-700 dark:text-zinc-300", stale && "line-through opacity-60")}>“{decision.comment}”</p>}
      {decision && decision.evidenceLinks.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label={`Evidence from ${name}`}>
          {decision.evidenceLinks.map((href) => (
            <li key={href}>
              <a href={isSafeHttpUrl(href) ? href : undefined} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 text-accent-600 hover:underline dark:text-accent-400">
                <Link2 className="size-3.5" aria-hidden /> <span className="max-w-64 truncate">{href.replace(/^https?:\/\//, "")}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
