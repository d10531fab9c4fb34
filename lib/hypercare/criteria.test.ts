import { describe, expect, it } from "vitest";
import { defaultCriteria, evaluateCriterion, exitBlockers, metric, noSev1, parseDecimal, spanWords } from "./criteria";
import type { IncidentDTO } from "./types";

const start = new Date("2026-11-01T00:00:00Z");
const at = (days: number, hours = 0) => new Date(start.getTime() + days * 86_400_000 + hours * 3_600_000);
type Inc = Pick<IncidentDTO, "number" | "title" | "severity" | "highestSeverity" | "state" | "openedAt" | "resolvedAt">;
const incident = (over: Partial<Inc>): Inc => ({
  number: 1, title: "Payments down", severity: 1, highestSeverity: 1, state: "INVESTIGATING", openedAt: at(1).toISOString(), resolvedAt: null, ...over,
});

describe("no Sev 1 for N days", () => {
  it("counts from the start of hypercare when there was no Sev 1", () => {
    expect(noSev1(7, start, [], at(6, 23)).met).toBe(false);
    expect(noSev1(7, start, [], at(6, 23)).metAt).toBe(at(7).toISOString());
    expect(noSev1(7, start, [], at(7)).met).toBe(true);
  });

  it("is unmet while a Sev 1 is open, however long ago it opened", () => {
    const e = noSev1(7, start, [incident({})], at(30));
    expect(e.met).toBe(false);
    expect(e.summary).toContain("#1");
  });

  it("restarts the clean period when the last Sev 1 is resolved", () => {
    const resolved = incident({ state: "RESOLVED", resolvedAt: at(3).toISOString() });
    expect(noSev1(7, start, [resolved], at(9)).met).toBe(false);
    expect(noSev1(7, start, [resolved], at(9)).metAt).toBe(at(10).toISOString());
    expect(noSev1(7, start, [resolved], at(10)).met).toBe(true);
  });

  it("counts an incident that was Sev 1 and was downgraded, and ignores lower severities", () => {
    const downgraded = incident({ severity: 3, highestSeverity: 1, state: "MONITORING" });
    expect(noSev1(7, start, [downgraded], at(20)).met).toBe(false);
    const sev2 = incident({ severity: 2, highestSeverity: 2 });
    expect(noSev1(7, start, [sev2], at(7)).met).toBe(true);
  });
});

describe("metric thresholds", () => {
  const c = { kind: "METRIC" as const, title: "Error rate", days: null, comparator: "BELOW" as const, threshold: "0.5", unit: "%", hours: 72, value: null, valueRecordedAt: null, signedAt: null };

  it("is unmet until a value is recorded", () => {
    expect(metric(c, start).met).toBe(false);
  });

  it("is met by a value below the threshold recorded after the period", () => {
    expect(metric({ ...c, value: "0.3", valueRecordedAt: at(3).toISOString() }, start).met).toBe(true);
  });

  it("is unmet at the threshold itself (below is strict) and above it", () => {
    expect(metric({ ...c, value: "0.5", valueRecordedAt: at(4).toISOString() }, start).met).toBe(false);
    expect(metric({ ...c, value: "0.51", valueRecordedAt: at(4).toISOString() }, start).met).toBe(false);
  });

  it("is unmet when the value was recorded before the period could have passed", () => {
    const e = metric({ ...c, value: "0.1", valueRecordedAt: at(2, 23).toISOString() }, start);
    expect(e.met).toBe(false);
    expect(e.summary).toContain("72 hours");
  });

  it("supports 'above' thresholds (availability over 99.9 %)", () => {
    const up = { ...c, comparator: "ABOVE" as const, threshold: "99.9", hours: null };
    expect(metric({ ...up, value: "99.95", valueRecordedAt: at(0, 1).toISOString() }, start).met).toBe(true);
    expect(metric({ ...up, value: "99.9", valueRecordedAt: at(0, 1).toISOString() }, start).met).toBe(false);
  });

  it("reads decimals exactly as typed and refuses anything else", () => {
    expect(parseDecimal("0.5")).toBe(0.5);
    expect(parseDecimal("-2")).toBe(-2);
    expect(parseDecimal("1e3")).toBeNull();
    expect(parseDecimal(" 1")).toBeNull();
    expect(parseDecimal(null)).toBeNull();
  });
});

describe("exit blockers", () => {
  const criteria = defaultCriteria().map((c) => ({ ...c, value: null, valueRecordedAt: null, signedAt: null }));

  it("lists the open Sev 1 and every unmet criterion", () => {
    const blockers = exitBlockers({ startedAt: start, criteria, incidents: [incident({})], now: at(1) });
    expect(blockers[0]).toMatch(/^Sev 1 #1/);
    expect(blockers).toHaveLength(4);
  });

  it("is empty when every criterion holds and nothing is open", () => {
    const done = criteria.map((c) => ({ ...c, value: c.kind === "METRIC" ? "0.2" : null, valueRecordedAt: at(8).toISOString(), signedAt: c.kind === "SIGNED" ? at(8).toISOString() : null }));
    const resolved = incident({ severity: 2, highestSeverity: 2, state: "RESOLVED", resolvedAt: at(2).toISOString() });
    expect(exitBlockers({ startedAt: start, criteria: done, incidents: [resolved], now: at(8) })).toEqual([]);
  });

  it("signed criteria are met only once signed", () => {
    const signed = { kind: "SIGNED" as const, title: "Handover", days: null, comparator: null, threshold: null, unit: "", hours: null, value: null, valueRecordedAt: null, signedAt: null };
    expect(evaluateCriterion(signed, { startedAt: start, incidents: [], now: at(1) }).met).toBe(false);
    expect(evaluateCriterion({ ...signed, signedAt: at(1).toISOString() }, { startedAt: start, incidents: [], now: at(1) }).met).toBe(true);
  });

  it("words spans briefly", () => {
    expect(spanWords(30 * 60_000)).toBe("under an hour");
    expect(spanWords(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
  });
});
