import { describe, expect, it } from "vitest";
import { pointOfNoReturn, rollbackStillFits } from "./ponr";

const windowEnd = new Date("2027-06-12T06:00:00Z");

describe("point of no return", () => {
  it("is window end − rollback − buffer", () => {
    expect(pointOfNoReturn(windowEnd, 90, 30)).toEqual(new Date("2027-06-12T04:00:00Z"));
    expect(pointOfNoReturn(windowEnd, 0, 0)).toEqual(windowEnd);
  });

  it("counts real minutes across the October DST change in Europe/London", () => {
    // Window ends 02:30 GMT on 31 Oct 2027; 01:00-02:00 local happens twice that night.
    const end = new Date("2027-10-31T02:30:00Z");
    expect(pointOfNoReturn(end, 120, 30)).toEqual(new Date("2027-10-31T00:00:00Z")); // 01:00 BST
  });

  it("rollback fits until the forecast end passes window end − rollback", () => {
    expect(rollbackStillFits(new Date("2027-06-12T04:30:00Z"), windowEnd, 90)).toBe(true);
    expect(rollbackStillFits(new Date("2027-06-12T04:30:00.001Z"), windowEnd, 90)).toBe(false);
    expect(rollbackStillFits(new Date("2027-06-12T05:00:00Z"), windowEnd, 90)).toBe(false);
  });

  it("refuses negative, non-finite or invalid inputs with a clear error", () => {
    expect(() => pointOfNoReturn(windowEnd, -1, 0)).toThrow("Rollback duration must be between 0 and 10080 minutes.");
    expect(() => pointOfNoReturn(windowEnd, 60, Number.NaN)).toThrow("Buffer must be between 0 and 10080 minutes.");
    expect(() => pointOfNoReturn(new Date("nope"), 60, 0)).toThrow("Window end is not a valid time.");
    expect(() => rollbackStillFits(new Date("nope"), windowEnd, 60)).toThrow("Forecast end is not a valid time.");
  });
});
