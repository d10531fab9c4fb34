import { describe, expect, it } from "vitest";
import { clashMessage, formatRange } from "./describe";

const d = (iso: string) => new Date(iso);

describe("formatRange", () => {
  it("writes the date once when the range stays within one day in the zone", () => {
    expect(formatRange(d("2026-12-05T01:00:00Z"), d("2026-12-05T05:00:00Z"), "Europe/London")).toBe("Sat 5 Dec 2026, 01:00 GMT – 05:00 GMT");
  });
  it("writes both dates when the range crosses midnight in the zone, even if not in UTC", () => {
    // 22:00–02:00 in New York is one UTC day (03:00–07:00Z) but two local days.
    expect(formatRange(d("2026-12-05T03:00:00Z"), d("2026-12-05T07:00:00Z"), "America/New_York")).toBe(
      "Fri 4 Dec 2026, 22:00 EST – Sat 5 Dec 2026, 02:00 EST",
    );
  });
});

describe("clashMessage", () => {
  const clash = { launchName: "Billing v2", environment: "production-eu", start: d("2026-12-05T01:00:00Z"), end: d("2026-12-05T05:00:00Z") };
  it("names the window in the way and the next free slot", () => {
    expect(clashMessage(clash, d("2026-12-05T05:00:00Z"), "Europe/London")).toBe(
      "Clashes with Billing v2 window on production-eu Sat 5 Dec 2026, 01:00 GMT – 05:00 GMT. Next free slot of the same length: Sat 5 Dec 2026, 05:00 GMT.",
    );
  });
  it("keeps a launch the viewer cannot see anonymous: busy range only", () => {
    const message = clashMessage({ ...clash, launchName: null }, null, "Europe/London");
    expect(message).toBe(
      "Clashes with another launch's window on production-eu Sat 5 Dec 2026, 01:00 GMT – 05:00 GMT. No free slot of the same length in the next 90 days; pick another environment.",
    );
    expect(message).not.toContain("Billing");
  });
  it("still says what to do when no slot or no clashing row can be named", () => {
    expect(clashMessage(null, null, "UTC")).toMatch(/at the same moment.*pick another environment/);
  });
});
