import { CircleAlert, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { READINESS_META } from "./readiness-meta";

/**
 * The biggest thing on a launch page: the readiness state, readable from across a room, with every reason
 * behind it. Blockers first (unmet gates), then risks (warning signs).
 */
export function ReadinessHero({ readiness, className }: { readiness: ReadinessDTO; className?: string }) {
  const meta = READINESS_META[readiness.state];
  const Icon = meta.icon;
  const { checklist } = readiness;
  return (
    <section
      aria-labelledby="readiness-state"
      data-testid="readiness-hero"
      data-state={readiness.state}
      className={cn("rounded-xl p-5 ring-1 ring-inset sm:p-7 print:bg-white print:p-3 print:ring-2 print:ring-black", meta.hero, className)}
    >
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <h2 id="readiness-state" className={cn("flex items-center gap-3 text-5xl font-bold tracking-tight sm:text-7xl print:text-4xl print:text-black", meta.text)}>
          <Icon className="size-12 shrink-0 sm:size-16 print:size-10" aria-hidden strokeWidth={2.25} />
          {meta.label}
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300 print:text-black">
          <span className="block text-2xl font-semibold tabular-nums text-zinc-900 dark:text-zinc-100 print:text-black">{checklist.percent}%</span>
          required checks resolved ({checklist.requiredDone + checklist.waived} of {checklist.requiredTotal}
          {checklist.waived > 0 ? `, ${checklist.waived} waived` : ""})
        </p>
      </div>
      {readiness.reasons.length > 0 ? (
        <ul className="mt-4 space-y-1.5 text-base" aria-label="Reasons">
          {readiness.reasons.map((r) => {
            const ReasonIcon = r.severity === "blocker" ? CircleAlert : TriangleAlert;
            return (
              <li key={r.code + r.message} className="flex gap-2">
                <ReasonIcon
                  className={cn("mt-1 size-4 shrink-0", r.severity === "blocker" ? "text-red-600 dark:text-red-400" : "text-amber-600 dark:text-amber-400")}
                  aria-hidden
                />
                <span>
                  <span className="sr-only">{r.severity === "blocker" ? "Blocker: " : "Risk: "}</span>
                  {r.message}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-4 text-base">Every gate is met: checklist resolved, sign-offs given, window scheduled outside any freeze.</p>
      )}
    </section>
  );
}
