import { describe, expect, it } from "vitest";
import {
  canTransition,
  effectiveState,
  isLaunchState,
  LAUNCH_STATES,
  nextStates,
  requiresGoDecision,
  STATE_INFO,
  TERMINAL_STATES,
  transitionError,
  type LaunchState,
} from "./lifecycle";

const ALLOWED: Record<LaunchState, LaunchState[]> = {
  PLANNING: ["GO", "NO_GO", "CANCELLED"],
  READY: ["GO", "NO_GO", "CANCELLED"],
  GO: ["IN_WINDOW", "NO_GO", "CANCELLED"],
  IN_WINDOW: ["LIVE", "ROLLED_BACK"],
  LIVE: ["HYPERCARE", "ROLLED_BACK"],
  HYPERCARE: ["CLOSED"],
  CLOSED: [],
  NO_GO: ["PLANNING", "CANCELLED"],
  ROLLED_BACK: ["PLANNING", "CANCELLED"],
  CANCELLED: [],
};

describe("launch lifecycle", () => {
  it("allows exactly the documented moves", () => {
    for (const from of LAUNCH_STATES)
      for (const to of LAUNCH_STATES) {
        const allowed = ALLOWED[from].includes(to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed);
        expect(transitionError(from, to) === null, `${from} -> ${to}`).toBe(allowed);
      }
  });

  it("lists next states in lifecycle order", () => {
    expect(nextStates("PLANNING")).toEqual(["GO", "NO_GO", "CANCELLED"]);
    expect(nextStates("CLOSED")).toEqual([]);
  });

  it("routes GO and NO_GO through a go/no-go decision only", () => {
    for (const from of LAUNCH_STATES)
      for (const to of LAUNCH_STATES)
        expect(requiresGoDecision(from, to), `${from} -> ${to}`).toBe(canTransition(from, to) && (to === "GO" || to === "NO_GO"));
  });

  it("has no manual ready: nothing moves into READY, and a legacy READY row moves like PLANNING", () => {
    for (const from of LAUNCH_STATES) expect(canTransition(from, "READY"), from).toBe(false);
    expect(nextStates("READY")).toEqual(nextStates("PLANNING"));
    expect(STATE_INFO.READY.label).toBe("Planning");
    expect(effectiveState("READY")).toBe("PLANNING");
    expect(effectiveState("GO")).toBe("GO");
  });

  it("has terminal states with no way out", () => {
    expect([...TERMINAL_STATES].sort()).toEqual(["CANCELLED", "CLOSED"]);
    for (const state of LAUNCH_STATES) expect(nextStates(state).length === 0).toBe(TERMINAL_STATES.has(state));
  });

  it("explains refusals in words", () => {
    expect(transitionError("PLANNING", "LIVE")).toBe(
      "A launch can’t go from planning to live; from planning it can move to go, no-go or cancelled.",
    );
    expect(transitionError("CLOSED", "PLANNING")).toBe("The launch is closed; it can no longer change.");
    expect(transitionError("GO", "GO")).toBe("The launch is already “Go”.");
  });

  it("labels and describes every state", () => {
    for (const state of LAUNCH_STATES) {
      expect(STATE_INFO[state].label).toBeTruthy();
      expect(STATE_INFO[state].description).toMatch(/\.$/);
    }
    expect(isLaunchState("LIVE")).toBe(true);
    expect(isLaunchState("live")).toBe(false);
  });
});
