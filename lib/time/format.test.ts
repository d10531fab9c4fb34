import { describe, expect, it } from "vitest";
import { formatCountdown, formatDateInZone, formatInZone, formatRelative, formatTriple, plural } from "./format";
import { allTimeZones, canonicalZone, zoneLabel, zoneShortName } from "./zones";

const d = (iso: string) => new Date(iso);

describe("formatInZone", () => {
  it("shows the date, 24-hour time and the zone by name, never a bare offset", () => {
    expect(formatInZone(d("2026-12-05T02:00Z"), "Europe/London")).toBe("Sat 5 Dec 2026, 02:00 GMT");
    expect(formatInZone(d("2026-07-04T01:00Z"), "Europe/London")).toBe("Sat 4 Jul 2026, 02:00 BST");
    expect(formatInZone(d("2026-12-05T02:00Z"), "UTC")).toBe("Sat 5 Dec 2026, 02:00 UTC");
    expect(formatInZone(d("2026-12-05T02:00Z"), "Asia/Kolkata")).toBe("Sat 5 Dec 2026, 07:30 IST");
    expect(formatInZone(d("2026-12-05T02:00Z"), "America/New_York")).toBe("Fri 4 Dec 2026, 21:00 EST");
    expect(formatInZone(d("2026-12-05T14:00Z"), "Europe/Paris")).toBe("Sat 5 Dec 2026, 15:00 CET");
    expect(formatInZone(d("2026-12-05T02:00Z"), "America/Santiago")).toBe("Fri 4 Dec 2026, 23:00 America/Santiago");
    expect(formatInZone(d("2026-12-05T02:00Z"), "Asia/Kolkata")).not.toMatch(/GMT[+-]/);
  });

  it("renders midnight as 00, not 24", () => {
    expect(formatInZone(d("2026-12-05T00:00Z"), "UTC")).toBe("Sat 5 Dec 2026, 00:00 UTC");
  });

  it("follows the zone across the spring-forward gap", () => {
    expect(formatInZone(d("2026-03-29T00:59Z"), "Europe/Berlin")).toBe("Sun 29 Mar 2026, 01:59 CET");
    expect(formatInZone(d("2026-03-29T01:00Z"), "Europe/Berlin")).toBe("Sun 29 Mar 2026, 03:00 CEST");
    expect(formatInZone(d("2026-10-03T16:00Z"), "Australia/Sydney")).toBe("Sun 4 Oct 2026, 03:00 AEDT");
  });

  it("tells the two copies of a repeated fall-back hour apart by their zone", () => {
    expect(formatInZone(d("2026-11-01T05:30Z"), "America/New_York")).toBe("Sun 1 Nov 2026, 01:30 EDT");
    expect(formatInZone(d("2026-11-01T06:30Z"), "America/New_York")).toBe("Sun 1 Nov 2026, 01:30 EST");
    expect(formatInZone(d("2026-10-25T00:30Z"), "Europe/London")).toBe("Sun 25 Oct 2026, 01:30 BST");
    expect(formatInZone(d("2026-10-25T01:30Z"), "Europe/London")).toBe("Sun 25 Oct 2026, 01:30 GMT");
  });

  it("can drop the weekday and year, or add seconds", () => {
    const at = d("2026-12-05T02:03:04Z");
    expect(formatInZone(at, "UTC", { weekday: false, year: false })).toBe("5 Dec, 02:03 UTC");
    expect(formatInZone(at, "UTC", { seconds: true })).toBe("Sat 5 Dec 2026, 02:03:04 UTC");
    expect(formatInZone(at, "Europe/Berlin", { weekday: false, zone: false })).toBe("5 Dec 2026, 03:03");
  });
});

describe("formatTriple", () => {
  const at = d("2026-12-05T02:00Z");

  it("shows launch, viewer and UTC", () => {
    expect(formatTriple(at, "Europe/Berlin", "America/New_York")).toEqual({
      launch: "Sat 5 Dec 2026, 03:00 CET",
      viewer: "Fri 4 Dec 2026, 21:00 EST",
      utc: "Sat 5 Dec 2026, 02:00 UTC",
    });
  });

  it("omits the viewer line when the viewer is in the launch's zone", () => {
    expect(formatTriple(at, "Europe/Berlin", "Europe/Berlin")).toEqual({ launch: "Sat 5 Dec 2026, 03:00 CET", utc: "Sat 5 Dec 2026, 02:00 UTC" });
    expect(formatTriple(at, "UTC", "Etc/UTC")).not.toHaveProperty("viewer");
  });

  it("omits the viewer line when the viewer is in UTC: the UTC line already says it", () => {
    expect(formatTriple(at, "Europe/London", "UTC")).toEqual({ launch: "Sat 5 Dec 2026, 02:00 GMT", utc: "Sat 5 Dec 2026, 02:00 UTC" });
    expect(formatTriple(at, "Europe/London", "Etc/UTC")).not.toHaveProperty("viewer");
  });

  it("omits a viewer zone the runtime does not know rather than failing", () => {
    expect(formatTriple(at, "Europe/Berlin", "Nowhere/Land")).not.toHaveProperty("viewer");
  });
});

describe("formatRelative", () => {
  const now = d("2026-12-05T00:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);
  const S = 1000;
  const MIN = 60 * S;
  const H = 60 * MIN;
  const DAY = 24 * H;

  it.each([
    [0, "now"],
    [29 * S, "now"],
    [-29 * S, "now"],
    [30 * S, "in 1 min"],
    [12 * MIN, "in 12 min"],
    [-12 * MIN, "12 min ago"],
    [59 * MIN + 59 * S, "in 59 min"],
    [H, "in 1 h"],
    [3 * H + 12 * MIN + 40 * S, "in 3 h 12 min"],
    [-(3 * H + 12 * MIN), "3 h 12 min ago"],
    [DAY - 1, "in 23 h 59 min"],
    [DAY, "in 1 d"],
    [2 * DAY + 4 * H + 30 * MIN, "in 2 d 4 h"],
    [-(9 * DAY + 1 * H), "9 d 1 h ago"],
  ])("%i ms from now reads %j", (ms, text) => {
    expect(formatRelative(later(ms), now)).toBe(text);
  });

  it("counts real elapsed time across a DST change, not wall-clock difference", () => {
    // 00:00 to 04:00 London wall time on fall-back night is five hours.
    expect(formatRelative(d("2026-10-25T04:00Z"), d("2026-10-24T23:00Z"))).toBe("in 5 h");
  });
});

describe("formatCountdown", () => {
  const S = 1000;

  it.each([
    [2 * 86_400 * S + 4 * 3600 * S + 12 * 60 * S + 9 * S, "2d 04:12:09"],
    [4 * 3600 * S + 12 * 60 * S + 9 * S, "04:12:09"],
    [86_400 * S, "1d 00:00:00"],
    [86_400 * S - 1, "1d 00:00:00"],
    [59 * S, "00:00:59"],
    [1, "00:00:01"],
    [0, "00:00:00"],
    [-5000, "00:00:00"],
    [Number.NaN, "00:00:00"],
    [120 * 86_400 * S, "120d 00:00:00"],
  ])("%i ms reads %j", (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe("formatDateInZone", () => {
  it("reads a date in the zone, day month year", () => {
    expect(formatDateInZone(d("2026-12-24T23:30Z"), "Europe/Berlin")).toBe("25 Dec 2026");
    expect(formatDateInZone(d("2026-12-24T23:30Z"), "UTC")).toBe("24 Dec 2026");
  });
});

describe("plural", () => {
  it("counts one way everywhere", () => {
    expect(plural(1, "sign-off")).toBe("1 sign-off");
    expect(plural(2, "sign-off")).toBe("2 sign-offs");
    expect(plural(0, "check")).toBe("0 checks");
    expect(plural(3, "person", "people")).toBe("3 people");
  });
});

describe("zones", () => {
  it("canonicalises typed zones to current IANA names", () => {
    expect(canonicalZone("utc")).toBe("UTC");
    expect(canonicalZone(" Europe/LONDON ")).toBe("Europe/London");
    expect(canonicalZone("EST")).toBe("America/New_York");
    expect(canonicalZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalZone("europe/kiev")).toBe("Europe/Kyiv");
    expect(canonicalZone("Etc/UTC")).toBe("UTC");
    expect(canonicalZone("Nowhere/Land")).toBeNull();
    expect(canonicalZone("")).toBeNull();
  });

  it("lists canonical names only, each once, UTC first", () => {
    const zones = allTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones).not.toContain("Europe/Kiev");
    expect(new Set(zones).size).toBe(zones.length);
    for (const z of zones) expect(canonicalZone(z), z).toBe(z);
  });

  it("labels a zone by its city with the IANA name", () => {
    expect(zoneLabel("America/New_York")).toBe("New York (America/New_York)");
    expect(zoneLabel("UTC")).toBe("UTC");
  });

  it("names a zone beside a time by its letters, following daylight saving", () => {
    expect(zoneShortName("Europe/London", d("2026-07-01T12:00Z"))).toBe("BST");
    expect(zoneShortName("Europe/London", d("2026-01-01T12:00Z"))).toBe("GMT");
    expect(zoneShortName("Asia/Shanghai", d("2026-01-01T12:00Z"))).toBe("Asia/Shanghai");
  });
});
