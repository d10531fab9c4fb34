import { describe, expect, it } from "vitest";
import { describeDigestTime, digestDue, digestTimeOf, lastDigestAt, nextDigestAt } from "./digest-time";

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const london8 = { hour: 8, timeZone: "Europe/London" };

/** Every digest instant from `from` on, `n` of them, by repeatedly asking for the next one. */
function series(from: string, n: number, time: { hour: number; timeZone: string }) {
  const out: string[] = [];
  let now = at(from);
  for (let i = 0; i < n; i++) out.push(iso((now = nextDigestAt(now, time))));
  return out;
}

describe("the next digest", () => {
  it("is 08:00 on the London wall clock in winter and in summer", () => {
    expect(iso(nextDigestAt(at("2026-01-15T06:00:00Z"), london8))).toBe("2026-01-15T08:00:00.000Z"); // GMT
    expect(iso(nextDigestAt(at("2026-07-15T06:00:00Z"), london8))).toBe("2026-07-15T07:00:00.000Z"); // BST
  });

  it("is strictly after now: at the hour itself the next one is tomorrow", () => {
    expect(iso(nextDigestAt(at("2026-01-15T08:00:00Z"), london8))).toBe("2026-01-16T08:00:00.000Z");
    expect(iso(nextDigestAt(at("2026-01-15T07:59:59Z"), london8))).toBe("2026-01-15T08:00:00.000Z");
  });

  it("keeps the local hour across the spring-forward and fall-back weekends", () => {
    expect(series("2026-03-27T12:00:00Z", 4, london8)).toEqual([
      "2026-03-28T08:00:00.000Z", // Saturday, GMT
      "2026-03-29T07:00:00.000Z", // Sunday, BST from 01:00
      "2026-03-30T07:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
    ]);
    expect(series("2026-10-23T12:00:00Z", 3, london8)).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
  });

  it("sends once on a day whose hour does not exist (02:00 in New York on 2026-03-08), when the clock lands", () => {
    const ny2 = { hour: 2, timeZone: "America/New_York" };
    expect(series("2026-03-06T12:00:00Z", 3, ny2)).toEqual([
      "2026-03-07T07:00:00.000Z", // 02:00 EST
      "2026-03-08T07:00:00.000Z", // 02:00 never happens: 03:00 EDT, once
      "2026-03-09T06:00:00.000Z", // 02:00 EDT
    ]);
  });

  it("sends once on a day whose hour happens twice (01:00 in New York on 2026-11-01), at the first", () => {
    const ny1 = { hour: 1, timeZone: "America/New_York" };
    expect(series("2026-10-31T12:00:00Z", 3, ny1)).toEqual(["2026-11-01T05:00:00.000Z", "2026-11-02T06:00:00.000Z", "2026-11-03T06:00:00.000Z"]);
  });

  it("handles a midnight that does not exist (Santiago jumps 00:00 -> 01:00) and half-hour shifts (Lord Howe)", () => {
    expect(series("2026-09-04T12:00:00Z", 3, { hour: 0, timeZone: "America/Santiago" })).toEqual([
      "2026-09-05T04:00:00.000Z", // 00:00 -04
      "2026-09-06T04:00:00.000Z", // 00:00 skipped: 01:00 -03, once
      "2026-09-07T03:00:00.000Z",
    ]);
    expect(series("2026-10-02T12:00:00Z", 3, { hour: 2, timeZone: "Australia/Lord_Howe" })).toEqual([
      "2026-10-02T15:30:00.000Z", // 02:00 +10:30
      "2026-10-03T15:30:00.000Z", // 02:00 skipped: 02:30 +11
      "2026-10-04T15:00:00.000Z",
    ]);
  });

  it("follows odd offsets and the date line", () => {
    expect(iso(nextDigestAt(at("2026-05-01T00:00:00Z"), { hour: 8, timeZone: "Asia/Kathmandu" }))).toBe("2026-05-01T02:15:00.000Z");
    expect(iso(nextDigestAt(at("2026-05-01T00:00:00Z"), { hour: 8, timeZone: "Pacific/Kiritimati" }))).toBe("2026-05-01T18:00:00.000Z");
    expect(iso(nextDigestAt(at("2026-05-01T00:00:00Z"), { hour: 23, timeZone: "Pacific/Pago_Pago" }))).toBe("2026-05-01T10:00:00.000Z");
  });

  it("skips nothing and doubles nothing over a whole year, in every zone of a DST sample", () => {
    for (const timeZone of ["Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago"]) {
      for (const hour of [0, 1, 2]) {
        const days = series("2026-01-01T00:00:00Z", 365, { hour, timeZone });
        const localDates = days.map((d) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(d)));
        expect(new Set(localDates).size, `${timeZone} ${hour}`).toBe(365);
      }
    }
  });
});

describe("whether a digest is due", () => {
  it("is due once the hour has passed for anything pending before it, never before", () => {
    const pending = at("2026-07-14T18:00:00Z");
    expect(digestDue(pending, at("2026-07-15T06:59:59Z"), london8)).toBe(false); // 07:59 BST
    expect(digestDue(pending, at("2026-07-15T07:00:00Z"), london8)).toBe(true);
    expect(digestDue(pending, at("2026-07-15T09:30:00Z"), london8)).toBe(true); // a late or retried run still sends
  });

  it("waits for tomorrow's hour for something pending since after today's", () => {
    expect(digestDue(at("2026-07-15T07:00:01Z"), at("2026-07-15T20:00:00Z"), london8)).toBe(false);
    expect(iso(lastDigestAt(at("2026-07-15T06:00:00Z"), london8))).toBe("2026-07-14T07:00:00.000Z");
  });
});

describe("a stored digest time", () => {
  it("falls back to 07:00 UTC when unset or unknown to the runtime", () => {
    expect(digestTimeOf(null, null)).toEqual({ hour: 7, timeZone: "UTC" });
    expect(digestTimeOf(9, "Mars/Olympus_Mons")).toEqual({ hour: 9, timeZone: "UTC" });
    expect(digestTimeOf(24, "Europe/London")).toEqual({ hour: 7, timeZone: "Europe/London" });
    expect(describeDigestTime(digestTimeOf(8, "Europe/London"))).toBe("08:00 Europe/London");
  });
});
