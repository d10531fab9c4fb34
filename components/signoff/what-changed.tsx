import { ArrowRight, Minus, Plus, RefreshCw } from "lucide-react";
import { READINESS_META } from "@/components/readiness/readiness-meta";
import { formatInZone } from "@/lib/time/format";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { changesSinceDecision, isDecisionUnchanged } from "@/lib/readiness/since-decision";

/**
 * "What changed since you signed": the approver's snapshot against readiness now, without the effect of
 * their own decision. Shown only when something relevant changed.
 */
export function WhatChanged({ snapshot, current, zone, groupId }: { snapshot: ReadinessDTO; current: ReadinessDTO; zone: string; groupId: string }) {
  const diff = changesSinceDecision(snapshot, current, groupId);
  const when = (iso: string | null) => (iso ? formatInZone(new Date(iso), zone) : "none");
  if (isDecisionUnchanged(diff)) return null;
  return (
    <section aria-label="What changed since you signed" className="rounded-md bg-zinc-50 p-3 text-sm ring-1 ring-zinc-200 dark:bg-zinc-950 dark:ring-zinc-800">
      <h4 className="font-medium">What changed since you signed</h4>
      {(
        <ul className="mt-1.5 space-y-1">
          {diff.stateBefore !== diff.stateAfter && (
            <li className="flex items-center gap-1.5">
              Readiness {READINESS_META[diff.stateBefore].label.toLowerCase()} <ArrowRight className="size-3.5" aria-label="to" />
              <strong>{READINESS_META[diff.stateAfter].label.toLowerCase()}</strong>
            </li>
          )}
          {diff.added.map((r) => (
            <li key={`+${r.message}`} className="flex gap-1.5 text-red-700 dark:text-red-300">
              <Plus className="mt-0.5 size-3.5 shrink-0" aria-label="New:" /> {r.message}
            </li>
          ))}
          {diff.removed.map((r) => (
            <li key={`-${r.message}`} className="flex gap-1.5 text-green-700 dark:text-green-300">
              <Minus className="mt-0.5 size-3.5 shrink-0" aria-label="Resolved:" /> {r.message}
            </li>
          ))}
          {diff.changed.map((c) => (
            <li key={`~${c.after.message}`} className="flex gap-1.5 text-amber-800 dark:text-amber-300">
              <RefreshCw className="mt-0.5 size-3.5 shrink-0" aria-label="Now:" /> {c.after.message}
            </li>
          ))}
          {diff.counts.map((c) => (
            <li key={c.label}>
              {c.label}: {c.before} → <strong>{c.after}</strong>
            </li>
          ))}
          {diff.groups.map((g) => (
            <li key={`g${g.name}`}>
              “{g.name}”: {g.before} → <strong>{g.after}</strong>
            </li>
          ))}
          {diff.windowMoved && (
            <li>
              Window start: {when(diff.windowMoved.before)} → <strong>{when(diff.windowMoved.after)}</strong>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
