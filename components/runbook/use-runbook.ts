"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useNow } from "@/components/windows/use-viewer-zone";
import { launchQueries } from "@/lib/launches/view-queries";
import type { RunbookDto } from "@/lib/runbook/dto";
import { currentRun, forecastOf, toTimingInputs } from "@/lib/runbook/from-dto";
import { plan } from "@/lib/runbook/plan";
import { pointOfNoReturn, rollbackStillFits } from "@/lib/runbook/ponr";
import type { LiveTiming, Plan, TaskTiming } from "@/lib/runbook/types";

/** How often the forecast is recomputed as time passes (it is also recomputed on every live patch). */
export const FORECAST_TICK_MS = 30_000;

export type RunbookForecast = {
  plan: Plan | null;
  /** Live timing by task id (absent before mount: the server renders the plan only). */
  live: Map<string, LiveTiming>;
  planned: Map<string, TaskTiming>;
  critical: Set<string>;
  now: Date | null;
  forecastEnd: Date | null;
  slackMin: number | null;
  ponr: Date | null;
  rollbackFits: boolean | null;
};

function safePlan(dto: RunbookDto, now: Date | null): Plan | null {
  if (now) return forecastOf(dto, now);
  const inputs = toTimingInputs(dto);
  if (!inputs || inputs.tasks.length === 0) return null;
  try {
    return plan(inputs.tasks, inputs.dependencies, inputs.window);
  } catch {
    return null;
  }
}

/** The forecast of the current run at `now`, from the cached DTO with the pure core: no refetch. */
export function forecastFor(dto: RunbookDto, now: Date | null): RunbookForecast {
  const p = safePlan(dto, now);
  const live = new Map((p?.live?.tasks ?? []).map((t) => [t.id, t]));
  const planned = new Map((p?.tasks ?? []).map((t) => [t.id, t]));
  const critical = new Set(p?.live?.criticalPath ?? p?.criticalPath ?? []);
  const forecastEnd = p?.live?.forecastEnd ?? p?.plannedEnd ?? null;
  const slackMin = p?.live?.slackMin ?? p?.slackMin ?? null;
  const run = currentRun(dto);
  let ponr: Date | null = null;
  let rollbackFits: boolean | null = null;
  if (dto.window && dto.runbook && (!run || run.kind === "LIVE")) {
    const end = new Date(dto.window.end);
    try {
      ponr = pointOfNoReturn(end, dto.rollback.effectiveRollbackMin, dto.rollback.bufferMin);
      rollbackFits = forecastEnd ? rollbackStillFits(forecastEnd, end, dto.rollback.effectiveRollbackMin) : null;
    } catch {
      ponr = null;
    }
  }
  return { plan: p, live, planned, critical, now, forecastEnd, slackMin, ponr, rollbackFits };
}

/** The runbook from the query cache (prefetched on the server, patched live) and its forecast, recomputed
 *  every FORECAST_TICK_MS and whenever a patch replaces the DTO. */
export function useRunbook(launchId: string) {
  const query = useQuery(launchQueries.runbook(launchId));
  const tick = useNow(FORECAST_TICK_MS);
  const dto = query.data;
  const forecast = useMemo(() => (dto ? forecastFor(dto, tick === null ? null : new Date(tick)) : null), [dto, tick]);
  return { dto, forecast, error: query.error };
}
