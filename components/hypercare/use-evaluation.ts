"use client";
import { useMemo } from "react";
import { useNow } from "@/components/windows/use-viewer-zone";
import { evaluateCriterion, exitBlockers, openSev1, type Evaluation } from "@/lib/hypercare/criteria";
import type { HypercareDTO } from "@/lib/hypercare/types";

/**
 * The criteria evaluated in the browser with the same pure function the close command gates on, re-run
 * every minute so "met in 2 d" becomes "met" without a server round trip. Null before hydration.
 */
export function useEvaluation(data: HypercareDTO | undefined) {
  const now = useNow(60_000);
  return useMemo(() => {
    if (!data?.hypercare || now === null) return null;
    const ctx = { startedAt: new Date(data.hypercare.startedAt), incidents: data.incidents, now: new Date(data.hypercare.closedAt ?? now) };
    const byId = new Map<string, Evaluation>(data.criteria.map((c) => [c.id, evaluateCriterion(c, ctx)]));
    return { byId, blockers: exitBlockers({ ...ctx, criteria: data.criteria }), openSev1: openSev1(data.incidents).length, now };
  }, [data, now]);
}
