import { describe, expect, it } from "vitest";
import { isReadOnlyLaunch, readOnlyRefusal, READ_ONLY_MESSAGE } from "./read-only";
import { ACTIONS } from "./roles";

describe("readOnlyRefusal", () => {
  it("refuses every content action on a closed or cancelled launch", () => {
    for (const status of ["CLOSED", "CANCELLED"]) {
      for (const action of ["launch.view", "launch.edit", "launch.lifecycle", "checklist.structure", "item.comment", "signoff.decide", "go.decide", "window.manage"] as const) {
        expect(readOnlyRefusal(status, action)).toBe(READ_ONLY_MESSAGE);
      }
    }
  });

  it("still lets managers revoke access and save a template from a finished launch", () => {
    expect(readOnlyRefusal("CLOSED", "members.manage")).toBeNull();
    expect(readOnlyRefusal("CANCELLED", "template.save")).toBeNull();
  });

  it("allows every action on a launch that is not finished", () => {
    for (const status of ["PLANNING", "READY", "GO", "IN_WINDOW", "LIVE", "HYPERCARE", "NO_GO", "ROLLED_BACK"]) {
      for (const action of ACTIONS) expect(readOnlyRefusal(status, action)).toBeNull();
    }
  });

  it("names exactly the two terminal states as read-only", () => {
    expect(["PLANNING", "CLOSED", "NO_GO", "CANCELLED", "ROLLED_BACK"].filter(isReadOnlyLaunch)).toEqual(["CLOSED", "CANCELLED"]);
  });
});
