// RFC 5545 feed of deployment windows and freeze occurrences, for subscribing from any calendar app.
// Output is deterministic for the same input (UIDs, order, VTIMEZONEs) apart from DTSTAMP, so feed
// caches and calendar clients see no spurious changes.

import { TZDate } from "@date-fns/tz";
import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { formatInZone } from "@/lib/time/format";
import { isValidTimeZone } from "@/lib/time/zones";
import { WINDOW_STATUS_LABEL, type WindowStatus } from "./lifecycle";

export type CalendarWindow = {
  kind: "window";
  id: string;
  launchId: string;
  launchName: string;
  environment: string;
  start: Date;
  end: Date;
  timeZone: string;
  status: WindowStatus;
  /** Row version; becomes SEQUENCE so clients replace the copy they hold when a window moves. */
  version?: number;
  checkpoint?: Date | null;
  pointOfNoReturn?: Date | null;
  notes: string;
  url: string;
};

export type CalendarFreeze = {
  kind: "freeze";
  id: string;
  /** One occurrence of the freeze (see expandFreeze); weekly freezes appear once per occurrence. */
  start: Date;
  end: Date;
  reason: string;
  /** Null: every environment. */
  environment: string | null;
  timeZone: string;
};

export type CalendarItem = CalendarWindow | CalendarFreeze;

export type BuildCalendarInput = { name: string; prodId: string; items: readonly CalendarItem[]; stamp?: Date };

const ICAL_STATUS: Record<WindowStatus, ICalEventStatus> = {
  PROPOSED: ICalEventStatus.TENTATIVE,
  SCHEDULED: ICalEventStatus.CONFIRMED,
  IN_PROGRESS: ICalEventStatus.CONFIRMED,
  COMPLETED: ICalEventStatus.CONFIRMED,
  // It did take place; the description says how it ended.
  ROLLED_BACK: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** "20261205T020000Z": ISO 8601 basic, which keeps the UID free of characters some clients mangle. */
const compactUtc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export const windowUid = (id: string) => `window-${id}@liftoff`;
export const freezeUid = (id: string, occurrenceStart: Date) => `freeze-${id}-${compactUtc(occurrenceStart)}@liftoff`;

/**
 * The VTIMEZONE for `zone` with its TZID set to exactly `zone`: the library files some zones under
 * another name (UTC as Etc/UTC), and a DTSTART TZID must match a VTIMEZONE verbatim.
 */
export function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) {
    // The library logs about zones it rejects; ask it only about zones the runtime knows.
    const block = isValidTimeZone(zone) ? tzlib_get_ical_block(zone) : null;
    vtimezones.set(zone, Array.isArray(block) && block[0] ? block[0].replace(/^TZID:.*$/m, `TZID:${zone}`) : null);
  }
  return vtimezones.get(zone)!;
}
const vtimezones = new Map<string, string | null>();

/** Zones without a VTIMEZONE are written in UTC: a TZID nobody can resolve would be worse. */
function icalZone(zone: string): string | null {
  return zone !== "UTC" && vtimezone(zone) ? zone : null;
}

function windowDescription(w: CalendarWindow): string {
  const at = (d: Date) => formatInZone(d, w.timeZone);
  return [
    `Environment: ${w.environment}`,
    `Status: ${WINDOW_STATUS_LABEL[w.status]}`,
    w.checkpoint ? `Go/no-go checkpoint: ${at(w.checkpoint)}` : null,
    w.pointOfNoReturn ? `Point of no return: ${at(w.pointOfNoReturn)}` : null,
    w.notes.trim() ? `\n${w.notes.trim()}` : null,
    `\n${w.url}`,
  ]
    .filter((line) => line !== null)
    .join("\n");
}

export function buildCalendar({ name, prodId, items, stamp = new Date() }: BuildCalendarInput): string {
  const calendar = ical({ name, prodId, timezone: { name: null, generator: vtimezone } });
  for (const item of items) {
    const zone = icalZone(item.timeZone);
    // A TZDate makes ical-generator write the zone's wall clock; a plain Date would use the server's.
    const at = (d: Date) => (zone ? new TZDate(d.getTime(), zone) : d);
    const common = { start: at(item.start), end: at(item.end), timezone: zone, stamp };
    if (item.kind === "window") {
      calendar.createEvent({
        ...common,
        id: windowUid(item.id),
        sequence: item.version ?? 0,
        summary: `${item.launchName}: ${item.environment} window${item.status === "PROPOSED" ? " (proposed)" : ""}`,
        description: windowDescription(item),
        status: ICAL_STATUS[item.status],
        url: item.url,
      });
    } else {
      calendar.createEvent({
        ...common,
        id: freezeUid(item.id, item.start),
        summary: `Freeze${item.environment ? ` (${item.environment})` : ""}: ${item.reason}`,
        description: `${item.environment ? `Environment: ${item.environment}` : "All environments"}\n\n${item.reason}`,
        status: ICalEventStatus.CONFIRMED,
        // A freeze blocks deployments, not people: keep it out of their free/busy time.
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
  }
  return calendar.toString();
}
