import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import { expandFreeze } from "./freeze";
import { buildCalendar, type CalendarFreeze, type CalendarItem, type CalendarWindow } from "./ical";
import { allFreezes, listLaunchWindows, visibleWindows, type WindowDto } from "./queries";

// The iCal text behind the subscription feed and the per-launch download. Windows keep their planning
// zone (VTIMEZONE); weekly freezes become one event per occurrence, since RRULEs would need EXDATEs
// for DST-safe wall-clock rules in other zones and several clients handle those badly.

const DAY = 86_400_000;
const PAST_DAYS = 60;
const FUTURE_DAYS = 180;

function windowItem(w: WindowDto, baseUrl: string): CalendarWindow {
  return {
    kind: "window",
    id: w.id,
    launchId: w.launchId,
    launchName: w.launchName,
    environment: w.environment,
    start: new Date(w.start),
    end: new Date(w.end),
    timeZone: w.timeZone,
    status: w.status,
    version: w.version,
    checkpoint: w.checkpoint ? new Date(w.checkpoint) : null,
    pointOfNoReturn: w.pointOfNoReturn ? new Date(w.pointOfNoReturn) : null,
    notes: w.freezeOverrideReason ? `${w.notes}\n\nFreeze overridden: ${w.freezeOverrideReason}`.trim() : w.notes,
    url: `${baseUrl}/launches/${w.launchId}/windows`,
  };
}

async function freezeItems(from: Date, to: Date): Promise<CalendarFreeze[]> {
  const names = new Map((await db.environment.findMany({ select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  return (await allFreezes()).flatMap((f) =>
    expandFreeze(f, from, to).map((o) => ({
      kind: "freeze" as const,
      id: f.id,
      start: o.start,
      end: o.end,
      reason: f.reason,
      environment: f.environmentId ? (names.get(f.environmentId) ?? null) : null,
      timeZone: f.timeZone,
    })),
  );
}

/** Everything the actor may see: windows of their launches (cancelled ones too, so clients drop them) and all freezes. */
export async function feedCalendar(actor: Actor, baseUrl: string, now = new Date()): Promise<string> {
  const from = new Date(now.getTime() - PAST_DAYS * DAY);
  const to = new Date(now.getTime() + FUTURE_DAYS * DAY);
  const windows = await visibleWindows(actor, { from, to }, { includeCancelled: true });
  const items: CalendarItem[] = [...windows.map((w) => windowItem(w, baseUrl)), ...(await freezeItems(from, to))];
  return buildCalendar({ name: "Liftoff: windows and freezes", prodId: "//Liftoff//Windows//EN", items });
}

export async function launchCalendar(launchId: string, launchName: string, baseUrl: string): Promise<string> {
  const windows = await listLaunchWindows(launchId);
  return buildCalendar({ name: `Liftoff: ${launchName}`, prodId: "//Liftoff//Windows//EN", items: windows.map((w) => windowItem(w, baseUrl)) });
}

/** The public origin a request came in on, for links inside calendar text. */
export function originOf(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
