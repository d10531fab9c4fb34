import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, freezeUid, vtimezone, windowUid, type CalendarItem, type CalendarWindow } from "./ical";

const d = (iso: string) => new Date(iso);
const notes = "Rollback plan: restore snapshot; DNS TTL 60, then flip.\nCall the bridge: +44 20 7946 0000\r\nBackslash \\ and émoji 🚀 ".repeat(3);

const londonWindow: CalendarWindow = {
  kind: "window",
  id: "w1",
  launchId: "l1",
  launchName: "Billing v2, phase 1; EU",
  environment: "production",
  // 02:00–06:00 BST (UTC+1).
  start: d("2026-07-04T01:00:00Z"),
  end: d("2026-07-04T05:00:00Z"),
  timeZone: "Europe/London",
  status: "SCHEDULED",
  version: 4,
  checkpoint: d("2026-07-04T01:30:00Z"),
  pointOfNoReturn: d("2026-07-04T03:00:00Z"),
  notes,
  url: "https://liftoff.example/launches/l1",
};

const items: CalendarItem[] = [
  londonWindow,
  { ...londonWindow, id: "w2", timeZone: "America/New_York", status: "PROPOSED", version: 1, checkpoint: null, pointOfNoReturn: null, notes: "" },
  { ...londonWindow, id: "w3", timeZone: "UTC", status: "CANCELLED", version: 7 },
  { ...londonWindow, id: "w4", timeZone: "Europe/Berlin", status: "IN_PROGRESS" },
  { kind: "freeze", id: "f1", start: d("2026-07-03T07:00:00Z"), end: d("2026-07-03T17:00:00Z"), reason: "Office hours", environment: "production", timeZone: "Europe/Berlin" },
  { kind: "freeze", id: "f2", start: d("2026-12-20T18:00:00Z"), end: d("2027-01-04T08:00:00Z"), reason: "Holidays, all hands; no deploys", environment: null, timeZone: "UTC" },
];

const build = (over: Partial<Parameters<typeof buildCalendar>[0]> = {}) =>
  buildCalendar({ name: "Liftoff windows", prodId: "//Liftoff//Windows//EN", items, ...over });

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent");
  const byUid = new Map(events.map((e) => [new ICAL.Event(e).uid, e]));
  return { calendar, events, byUid };
}

describe("buildCalendar", () => {
  const text = build();
  const { calendar, events, byUid } = parse(text);

  it("gives every item a stable UID", () => {
    expect([...byUid.keys()]).toEqual([
      "window-w1@liftoff",
      "window-w2@liftoff",
      "window-w3@liftoff",
      "window-w4@liftoff",
      "freeze-f1-20260703T070000Z@liftoff",
      "freeze-f2-20261220T180000Z@liftoff",
    ]);
    expect(windowUid("w1")).toBe("window-w1@liftoff");
    expect(freezeUid("f1", d("2026-07-03T07:00:00Z"))).toBe("freeze-f1-20260703T070000Z@liftoff");
  });

  it("writes a BST start as London wall time that round-trips to the same instant", () => {
    expect(text).toContain("DTSTART;TZID=Europe/London:20260704T020000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/London:20260704T060000\r\n");
    const event = new ICAL.Event(byUid.get("window-w1@liftoff")!);
    expect(event.startDate.zone?.tzid).toBe("Europe/London");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-07-04T01:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-07-04T05:00:00.000Z");
  });

  it("round-trips every item's start and end through the independent parser", () => {
    for (const [i, vevent] of events.entries()) {
      const event = new ICAL.Event(vevent);
      expect(event.startDate.toJSDate().toISOString()).toBe(items[i].start.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(items[i].end.toISOString());
    }
  });

  it("ships one VTIMEZONE for each TZID used, and none unused", () => {
    const tzids = new Set(
      events.flatMap((e) => ["dtstart", "dtend"].map((p) => e.getFirstProperty(p)?.getParameter("tzid"))).filter(Boolean),
    );
    expect([...tzids].sort()).toEqual(["America/New_York", "Europe/Berlin", "Europe/London"]);
    const zones = calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect([...zones].sort()).toEqual([...tzids].sort());
  });

  it("writes UTC items as UTC times without a TZID", () => {
    expect(text).toContain("DTSTART:20261220T180000Z\r\n");
    expect(byUid.get("window-w3@liftoff")!.getFirstProperty("dtstart")!.getParameter("tzid")).toBeUndefined();
  });

  it("maps window status and version", () => {
    const status = (uid: string) => byUid.get(uid)!.getFirstPropertyValue("status");
    expect(status("window-w1@liftoff")).toBe("CONFIRMED");
    expect(status("window-w2@liftoff")).toBe("TENTATIVE");
    expect(status("window-w3@liftoff")).toBe("CANCELLED");
    expect(status("window-w4@liftoff")).toBe("CONFIRMED");
    expect(new ICAL.Event(byUid.get("window-w1@liftoff")!).sequence).toBe(4);
    expect(new ICAL.Event(byUid.get("window-w3@liftoff")!).sequence).toBe(7);
  });

  it("describes the window with its checkpoint, point of no return, notes and link", () => {
    const event = new ICAL.Event(byUid.get("window-w1@liftoff")!);
    expect(event.summary).toBe("Billing v2, phase 1; EU: production window");
    expect(event.description).toBe(
      [
        "Environment: production",
        "Status: Scheduled",
        "Go/no-go checkpoint: Sat 4 Jul 2026, 02:30 BST",
        "Point of no return: Sat 4 Jul 2026, 04:00 BST",
        "",
        notes.trim().replace(/\r\n/g, "\n"),
        "",
        "https://liftoff.example/launches/l1",
      ].join("\n"),
    );
    expect(byUid.get("window-w1@liftoff")!.getFirstPropertyValue("url")).toBe("https://liftoff.example/launches/l1");
    expect(new ICAL.Event(byUid.get("window-w2@liftoff")!).summary).toBe("Billing v2, phase 1; EU: production window (proposed)");
  });

  it("marks freezes as not busy and says where they apply", () => {
    const freeze = byUid.get("freeze-f2-20261220T180000Z@liftoff")!;
    expect(new ICAL.Event(freeze).summary).toBe("Freeze: Holidays, all hands; no deploys");
    expect(new ICAL.Event(freeze).description).toBe("All environments\n\nHolidays, all hands; no deploys");
    expect(freeze.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    expect(new ICAL.Event(byUid.get("freeze-f1-20260703T070000Z@liftoff")!).summary).toBe("Freeze (production): Office hours");
  });

  it("folds lines at 75 octets and escapes commas, semicolons and newlines", () => {
    const lines = text.split("\r\n");
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text.endsWith("END:VCALENDAR")).toBe(true);
    // Every physical line is a property, a fold continuation, or the end; no bare LF or CR inside.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Billing v2\\, phase 1\\; EU: production window\r\n");
    expect(unfolded).toContain("restore snapshot\\; DNS TTL 60\\, then flip.\\nCall the bridge");
    expect(unfolded).toContain("Backslash \\\\ and émoji 🚀");
  });

  it("is byte-identical for the same input apart from DTSTAMP", () => {
    const withoutStamp = (s: string) => s.replace(/^DTSTAMP:.*$/gm, "DTSTAMP");
    expect(withoutStamp(build())).toBe(withoutStamp(text));
    const stamp = d("2026-06-01T00:00:00Z");
    expect(build({ stamp })).toBe(build({ stamp }));
    expect(build({ stamp })).toContain("DTSTAMP:20260601T000000Z\r\n");
  });

  it("writes an empty but valid calendar", () => {
    const empty = parse(buildCalendar({ name: "Nothing yet", prodId: "//Liftoff//Windows//EN", items: [] }));
    expect(empty.events).toEqual([]);
    expect(empty.calendar.getAllSubcomponents("vtimezone")).toEqual([]);
  });
});

describe("vtimezone", () => {
  it("names the block after the zone asked for", () => {
    expect(vtimezone("Europe/London")).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/London\r\n/);
    expect(vtimezone("Etc/UTC")).toMatch(/TZID:Etc\/UTC\r\n/);
  });

  it("returns null for a zone it has no rules for", () => {
    expect(vtimezone("Mars/Olympus")).toBeNull();
  });
});
