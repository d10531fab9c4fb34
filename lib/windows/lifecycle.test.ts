import { describe, expect, it } from "vitest";
import {
  WINDOW_STATUSES,
  canTransitionWindow,
  isTerminalWindowStatus,
  isWindowStatus,
  nextWindowStatuses,
  occupiesEnvironment,
  windowTransitionError,
  type WindowStatus,
} from "./lifecycle";

// The whole transition table, spelled out: changing the rules must change this too.
const ALLOWED: Record<WindowStatus, WindowStatus[]> = {
  PROPOSED: ["SCHEDULED", "CANCELLED"],
  SCHEDULED: ["IN_PROGRESS", "PROPOSED", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "ROLLED_BACK"],
  COMPLETED: [],
  ROLLED_BACK: [],
  CANCELLED: [],
};

describe("window lifecycle", () => {
  for (const from of WINDOW_STATUSES) {
    for (const to of WINDOW_STATUSES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} -> ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        expect(canTransitionWindow(from, to)).toBe(allowed);
        const error = windowTransitionError(from, to);
        expect(error).toEqual(allowed ? null : expect.stringMatching(/\.$/));
      });
    }
  }

  it("lists the next statuses", () => {
    expect(nextWindowStatuses("SCHEDULED")).toEqual(ALLOWED.SCHEDULED);
  });

  it("explains refusals in words the user can act on", () => {
    expect(windowTransitionError("COMPLETED", "IN_PROGRESS")).toBe(
      "The window is completed and can no longer change; schedule a new window instead.",
    );
    expect(windowTransitionError("PROPOSED", "IN_PROGRESS")).toBe(
      "A proposed window cannot become in progress; it can only become scheduled or cancelled.",
    );
    expect(windowTransitionError("SCHEDULED", "SCHEDULED")).toBe("The window is already scheduled.");
  });

  it("holds the environment only while scheduled or in progress", () => {
    expect(WINDOW_STATUSES.filter(occupiesEnvironment)).toEqual(["SCHEDULED", "IN_PROGRESS"]);
  });

  it("knows terminal statuses", () => {
    expect(WINDOW_STATUSES.filter(isTerminalWindowStatus)).toEqual(["COMPLETED", "ROLLED_BACK", "CANCELLED"]);
  });

  it("recognises status strings", () => {
    expect(isWindowStatus("IN_PROGRESS")).toBe(true);
    expect(isWindowStatus("in_progress")).toBe(false);
    expect(isWindowStatus(3)).toBe(false);
  });
});
