import { describe, expect, it } from "vitest";
import { anchorWindow, measuredWindow } from "./measured";

const now = new Date("2027-03-01T12:00:00Z");
const w = (id: string, status: string, start: string, end: string) => ({ id, status, start: new Date(start), end: new Date(end) });

describe("measuredWindow", () => {
  it("prefers a window in progress, even one past its planned end", () => {
    const list = [w("s", "SCHEDULED", "2027-03-02T00:00Z", "2027-03-02T04:00Z"), w("r", "IN_PROGRESS", "2027-03-01T06:00Z", "2027-03-01T10:00Z")];
    expect(measuredWindow(list, now)?.id).toBe("r");
  });
  it("takes the earliest scheduled window that has not ended", () => {
    const list = [
      w("later", "SCHEDULED", "2027-03-09T00:00Z", "2027-03-09T04:00Z"),
      w("sooner", "SCHEDULED", "2027-03-02T00:00Z", "2027-03-02T04:00Z"),
      w("prop", "PROPOSED", "2027-03-01T13:00Z", "2027-03-01T14:00Z"),
    ];
    expect(measuredWindow(list, now)?.id).toBe("sooner");
  });
  it("ignores a scheduled window whose end has passed (missed), falling back to a proposal", () => {
    const list = [w("missed", "SCHEDULED", "2027-02-20T00:00Z", "2027-02-20T04:00Z"), w("prop", "PROPOSED", "2027-03-05T00:00Z", "2027-03-05T02:00Z")];
    expect(measuredWindow(list, now)?.id).toBe("prop");
    expect(anchorWindow(list, now)).toBeNull();
  });
  it("never measures against completed, rolled back or cancelled windows", () => {
    const list = [w("c", "COMPLETED", "2027-03-01T00:00Z", "2027-03-01T20:00Z"), w("x", "CANCELLED", "2027-03-02T00:00Z", "2027-03-02T04:00Z")];
    expect(measuredWindow(list, now)).toBeNull();
  });
  it("anchors relative dues only to a window holding its environment", () => {
    const list = [w("prop", "PROPOSED", "2027-03-05T00:00Z", "2027-03-05T02:00Z")];
    expect(measuredWindow(list, now)?.id).toBe("prop");
    expect(anchorWindow(list, now)).toBeNull();
    const scheduled = [w("s", "SCHEDULED", "2027-03-05T00:00Z", "2027-03-05T02:00Z")];
    expect(anchorWindow(scheduled, now)?.id).toBe("s");
  });
  it("accepts ISO strings as well as dates", () => {
    const list = [{ id: "s", status: "SCHEDULED", start: "2027-03-05T00:00:00Z", end: "2027-03-05T02:00:00Z" }];
    expect(measuredWindow(list, now)?.id).toBe("s");
  });
});
