import { describe, expect, it } from "vitest";
import { staleDecisions, stalenessReason, type StalenessChange } from "./staleness";

const at = new Date("2026-06-01T12:00:00Z");
const before = new Date("2026-06-01T11:00:00Z");
const after = new Date("2026-06-01T13:00:00Z");

describe("stalenessReason", () => {
  it("says what changed, addressed to the approver", () => {
    expect(stalenessReason({ kind: "item_regressed", at, description: "Backup restore test" })).toBe(
      "“Backup restore test” reopened (was done) after you signed",
    );
    expect(stalenessReason({ kind: "item_regressed", at, description: "CDN purge", from: "NOT_APPLICABLE" })).toBe(
      "“CDN purge” reopened (was not applicable) after you signed",
    );
    expect(stalenessReason({ kind: "required_item_added", at, description: "Pen test" })).toBe(
      "Required item “Pen test” was added after you signed",
    );
    expect(stalenessReason({ kind: "window_moved", at, description: "from Sat 02:00 to Sun 03:00 BST" })).toBe(
      "The deployment window moved from Sat 02:00 to Sun 03:00 BST after you signed",
    );
  });
});

describe("staleDecisions", () => {
  const change: StalenessChange = { kind: "item_regressed", at, description: "Backup restore test" };

  it("marks every live decision made before the change", () => {
    const result = staleDecisions(
      [
        { id: "live-before", createdAt: before, stale: false, withdrawn: false },
        { id: "already-stale", createdAt: before, stale: true, withdrawn: false },
        { id: "withdrawn", createdAt: before, stale: false, withdrawn: true },
        { id: "same-instant", createdAt: at, stale: false, withdrawn: false },
        { id: "after", createdAt: after, stale: false, withdrawn: false },
      ],
      change,
    );
    expect(result).toEqual([{ id: "live-before", reason: "“Backup restore test” reopened (was done) after you signed" }]);
  });

  it("returns nothing when there are no decisions", () => {
    expect(staleDecisions([], change)).toEqual([]);
  });
});
