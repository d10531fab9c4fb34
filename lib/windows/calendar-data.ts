import "server-only";
import type { Actor } from "@/lib/domain/roles";
import { fetchRange, type CalendarView } from "./calendar-grid";
import type { CalendarFreezeItem, CalendarWindowItem } from "./calendar-items";
import { describeFreeze, expandFreeze } from "./freeze";
import { busyBlocks } from "./calendar-busy";
import { allFreezes, clashingIds, listEnvironments, visibleWindows } from "./queries";

/**
 * Everything the calendar page draws for `views` around `day`: windows of the actor's launches (admins:
 * all), flagged when they clash or fall in a freeze, and every freeze occurrence, optionally for one environment.
 */
export async function calendarData(actor: Actor, views: readonly CalendarView[], day: string, environmentId: string | null) {
  const range = fetchRange(views, day);
  const [dtos, freezes, environments, busy] = await Promise.all([
    visibleWindows(actor, { from: range.start, to: range.end }, { environmentId: environmentId ?? undefined }),
    allFreezes(),
    listEnvironments(),
    busyBlocks(actor, range, environmentId),
  ]);
  const clashes = clashingIds(dtos);
  const windows: CalendarWindowItem[] = dtos.map((w) => ({
    id: w.id,
    launchId: w.launchId,
    launchName: w.launchName,
    environment: w.environment,
    start: w.start,
    end: w.end,
    timeZone: w.timeZone,
    status: w.status,
    clash: clashes.has(w.id),
    inFreeze: w.freezes.length > 0,
    overridden: !!w.freezeOverrideReason,
  }));
  const envName = new Map(environments.map((e) => [e.id, e.name]));
  const freezeItems: CalendarFreezeItem[] = freezes
    .filter((f) => !environmentId || f.environmentId === null || f.environmentId === environmentId)
    .flatMap((f) =>
      expandFreeze(f, range.start, range.end).map((o) => ({
        key: `${f.id}-${o.start.getTime()}`,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        reason: f.reason,
        environment: f.environmentId ? (envName.get(f.environmentId) ?? null) : null,
        description: describeFreeze(f),
      })),
    );
  const byStart = (a: CalendarWindowItem, b: CalendarWindowItem) => a.start.localeCompare(b.start);
  return { windows: [...windows, ...busy].sort(byStart), freezes: freezeItems, environments };
}
