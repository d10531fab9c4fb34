import { describe, expect, it } from "vitest";
import { formatCountdown, formatInZone, formatRelative, formatTriple } from "./format";

const d = (iso: string) => new Date(iso);

describe("formatInZone", () => {
  it("shows the date, time and zone abbreviation", () => {
    expect(formatInZone(d("2026-12-05T02:00Z"), "Europe/London")).toBe("Sat 5 Dec 2026, 02:00 GMT");
    expect(formatInZone(d("2026-07-04T01:00Z"), "Europe/London")).toBe("Sat 4 Jul 2026, 02:00 BST");
    expect(formatInZone(d("2026-12-05T02:00Z"), "UTC")).toBe("Sat 5 Dec 2026, 02:00 UTC");
    expect(formatInZone(d("2026-12-05T02:00Z"), "Asia/Kolkata")).toBe("Sat 5 Dec 2026, 07:30 GMT+5:30");
  });

  it("renders midnight as 00, not 24", () => {
    expect(formatInZone(d("2026-12-05T00:00Z"), "UTC")).toBe("Sat 5 Dec 2026, 00:00 UTC");
  });

  it("follows the zone across the spring-forward gap", () => {
    expect(formatInZone(d("2026-03-29T00:59Z"), "Europe/Berlin")).toBe("Sun 29 Mar 2026, 01:59 CET");
    expect(formatInZone(d("2026-03-29T01:00Z"), "Europe/Berlin")).toBe("Sun 29 Mar 2026, 03:00 CEST");
    expect(formatInZone(d("2026-10-03T16:00Z"), "Australia/Sydney")).toBe("Sun 4 Oct 2026, 03:00 GMT+11");
  });

  it("tells the two copies of a repeated fall-back hour apart by their zone", () => {
    expect(formatInZone(d("2026-11-01T05:30Z"), "America/New_York")).toBe("Sun 1 Nov 2026, 01:30 GMT-4");
    expect(formatInZone(d("2026-11-01T06:30Z"), "America/New_York")).toBe("Sun 1 Nov 2026, 01:30 GMT-5");
    expect(formatInZone(d("2026-10-25T00:30Z"), "Europe/London")).toBe("Sun 25 Oct 2026, 01:30 BST");
    expect(formatInZone(d("2026-10-25T01:30Z"), "Europe/London")).toBe("Sun 25 Oct 2026, 01:30 GMT");
  });

  it("can drop the weekday and year, or add seconds", () => {
    const at = d("2026-12-05T02:03:04Z");
    expect(formatInZone(at, "UTC", { weekday: false, year: false })).toBe("5 Dec, 02:03 UTC");
    expect(formatInZone(at, "UTC", { seconds: true })).toBe("Sat 5 Dec 2026, 02:03:04 UTC");
  });
});

describe("formatTriple", () => {
  const at = d("2026-12-05T02:00Z");

  it("shows launch, viewer and UTC", () => {
    expect(formatTriple(at, "Europe/Berlin", "America/New_York")).toEqual({
      launch: "Sat 5 Dec 2026, 03:00 CET",
      viewer: "Fri 4 Dec 2026, 21:00 GMT-5",
      utc: "Sat 5 Dec 2026, 02:00 UTC",
    });
  });

  it("omits the viewer line when the viewer is in the launch's zone", () => {
    expect(formatTriple(at, "Europe/Berlin", "Europe/Berlin")).toEqual({ launch: "Sat 5 Dec 2026, 03:00 CET", utc: "Sat 5 Dec 2026, 02:00 UTC" });
    expect(formatTriple(at, "UTC", "Etc/UTC")).not.toHaveProperty("viewer");
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
