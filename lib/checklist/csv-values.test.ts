import { describe, expect, it } from "vitest";
import { parseCsvDue, parseIsoWithOffset } from "./csv-values";

describe("parseIsoWithOffset", () => {
  it.each([
    ["2026-06-01T09:00:00+01:00", "2026-06-01T08:00:00.000Z"],
    ["2026-06-01T09:00+01:00", "2026-06-01T08:00:00.000Z"],
    ["2026-06-01 09:00:00Z", "2026-06-01T09:00:00.000Z"],
    ["2026-06-01T09:00:00.5z", "2026-06-01T09:00:00.500Z"],
    ["2026-06-01T09:00:00.123456-0430", "2026-06-01T13:30:00.123Z"],
    ["2026-06-01T23:30:00-05", "2026-06-02T04:30:00.000Z"],
    ["2026-06-01T09:00:00+05:45", "2026-06-01T03:15:00.000Z"],
  ])("%s", (text, iso) => {
    expect(parseIsoWithOffset(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2026-06-01",
    "2026-06-01T09:00:00",
    "2026-02-30T09:00:00Z",
    "2026-13-01T09:00:00Z",
    "2026-06-01T24:00:00Z",
    "2026-06-01T09:60:00Z",
    "2026-06-01T09:00:00+19:00",
    "0026-06-01T09:00:00Z",
    "1 June 2026 09:00 BST",
  ])("refuses %s", (text) => {
    expect(parseIsoWithOffset(text)).toBeNull();
  });
});

describe("parseCsvDue", () => {
  it("reads blank, relative and absolute dues", () => {
    expect(parseCsvDue("")).toEqual({ none: true });
    expect(parseCsvDue("T-2d")).toEqual({ dueOffsetMinutes: -2880 });
    expect(parseCsvDue("T")).toEqual({ dueOffsetMinutes: 0 });
    expect(parseCsvDue("2026-06-01T09:00:00Z")).toEqual({ dueAt: new Date("2026-06-01T09:00:00Z") });
  });

  it("explains what is wrong", () => {
    expect(parseCsvDue("T-2 weeks")).toEqual({ error: expect.stringContaining("T-2d") });
    expect(parseCsvDue("2026-06-01")).toEqual({ error: expect.stringContaining("with an offset") });
  });
});

describe("parseCsvDue on words starting with t", () => {
  it("does not mistake them for relative dues", () => {
    expect(parseCsvDue("tomorrow")).toEqual({ error: expect.stringContaining("with an offset") });
  });
});
