import { describe, expect, it } from "vitest";
import { ZONE_MESSAGE, zoneSchema } from "./zone.schema";

describe("zoneSchema", () => {
  it("stores typed zones under their canonical name", () => {
    expect(zoneSchema.parse("utc")).toBe("UTC");
    expect(zoneSchema.parse("Europe/LONDON")).toBe("Europe/London");
    expect(zoneSchema.parse("EST")).toBe("America/New_York");
  });

  it("refuses a zone that does not exist, saying what to give", () => {
    const result = zoneSchema.safeParse("Mars/Olympus");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(ZONE_MESSAGE);
  });
});
