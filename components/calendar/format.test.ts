import { describe, expect, it } from "vitest";
import { timeOnDay } from "./format";

describe("timeOnDay", () => {
  const w = { start: "2026-12-05T01:00:00Z", end: "2026-12-05T05:00:00Z" };
  it("reads an item's hours on the day shown, in the viewer's zone", () => {
    expect(timeOnDay(w, "2026-12-05", "Europe/London")).toBe("01:00–05:00");
    expect(timeOnDay(w, "2026-12-05", "Asia/Tokyo")).toBe("10:00–14:00");
  });
  it("says All day for a day the item covers from midnight to midnight", () => {
    const freeze = { start: "2026-12-25T05:00:00Z", end: "2026-12-28T05:00:00Z" };
    expect(timeOnDay(freeze, "2026-12-26", "America/New_York")).toBe("All day");
    expect(timeOnDay(freeze, "2026-12-25", "America/New_York")).toBe("All day");
    expect(timeOnDay({ start: "2026-12-26T05:00:00Z", end: "2026-12-26T10:00:00Z" }, "2026-12-26", "America/New_York")).toBe("00:00–05:00");
  });

  it("says 24:00 for an end at midnight and … for a side on another day", () => {
    expect(timeOnDay(w, "2026-12-04", "America/New_York")).toBe("20:00–24:00");
    expect(timeOnDay({ ...w, end: "2026-12-05T06:00:00Z" }, "2026-12-05", "America/New_York")).toBe("…–01:00");
    expect(timeOnDay({ ...w, end: "2026-12-05T06:00:00Z" }, "2026-12-04", "America/New_York")).toBe("20:00–…");
  });
});
