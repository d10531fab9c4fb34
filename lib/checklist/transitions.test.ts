import { describe, expect, it } from "vitest";
import { checkStatusChange, isRegression, type StatusChangeInput } from "./transitions";
import { ITEM_STATUSES, type ItemStatus } from "./types";

const item = (over: Partial<StatusChangeInput["item"]> = {}): StatusChangeInput["item"] => ({
  title: "Backup restore test",
  status: "IN_PROGRESS",
  required: true,
  requiresEvidence: false,
  evidenceNote: "",
  evidenceLinks: [],
  ...over,
});

const check = (over: Partial<StatusChangeInput>) =>
  checkStatusChange({ item: item(), to: "DONE", predecessors: [], actorIsManager: false, ...over });

describe("checkStatusChange", () => {
  it("allows plain moves between TODO, IN_PROGRESS and DONE", () => {
    for (const to of ["TODO", "IN_PROGRESS", "DONE"] as const) expect(check({ to })).toEqual({ ok: true });
  });

  it("needs a non-blank reason to block", () => {
    for (const reason of [undefined, null, "", "   "]) {
      const result = check({ to: "BLOCKED", reason });
      expect(result).toMatchObject({ ok: false, code: "REASON_REQUIRED", field: "reason", message: expect.stringContaining("“Backup restore test”") });
    }
    expect(check({ to: "BLOCKED", reason: "Waiting on storage team" })).toEqual({ ok: true });
  });

  it("needs a justification to mark not applicable", () => {
    expect(check({ to: "NOT_APPLICABLE", actorIsManager: true })).toMatchObject({
      ok: false,
      code: "JUSTIFICATION_REQUIRED",
      field: "reason",
    });
  });

  it("lets only a manager waive a required item", () => {
    expect(check({ to: "NOT_APPLICABLE", reason: "No data" })).toMatchObject({ ok: false, code: "MANAGER_REQUIRED" });
    expect(check({ to: "NOT_APPLICABLE", reason: "No data", actorIsManager: true })).toEqual({ ok: true });
    expect(check({ item: item({ required: false }), to: "NOT_APPLICABLE", reason: "No data" })).toEqual({ ok: true });
  });

  it("refuses DONE while predecessors are open, naming them", () => {
    const result = check({
      predecessors: [
        { id: "1", title: "Freeze writes", status: "DONE" },
        { id: "2", title: "Snapshot DB", status: "IN_PROGRESS" },
        { id: "3", title: "Drop cache", status: "NOT_APPLICABLE" },
        { id: "4", title: "Notify users", status: "BLOCKED" },
      ],
    });
    expect(result).toEqual({
      ok: false,
      code: "PREDECESSORS_OPEN",
      field: "status",
      message: "“Backup restore test” can’t be done yet: “Snapshot DB”, “Notify users” are not finished.",
    });
    const one = check({ predecessors: [{ id: "2", title: "Snapshot DB", status: "TODO" }] });
    expect(one).toMatchObject({ ok: false, message: expect.stringContaining("“Snapshot DB” is not finished") });
  });

  it("allows DONE when every predecessor is done or not applicable", () => {
    const predecessors = [
      { id: "1", title: "A", status: "DONE" as const },
      { id: "2", title: "B", status: "NOT_APPLICABLE" as const },
    ];
    expect(check({ predecessors })).toEqual({ ok: true });
  });

  it("does not check predecessors for other statuses", () => {
    const predecessors = [{ id: "1", title: "A", status: "TODO" as const }];
    expect(check({ to: "IN_PROGRESS", predecessors })).toEqual({ ok: true });
  });

  it("needs evidence for DONE when the item requires it", () => {
    const needs = item({ requiresEvidence: true });
    expect(check({ item: needs })).toMatchObject({ ok: false, code: "EVIDENCE_REQUIRED", field: "evidence" });
    expect(check({ item: { ...needs, evidenceNote: "  ", evidenceLinks: [" "] } })).toMatchObject({ ok: false });
    expect(check({ item: { ...needs, evidenceNote: "Restored in 14 min" } })).toEqual({ ok: true });
    expect(check({ item: { ...needs, evidenceLinks: ["https://ci/run/1"] } })).toEqual({ ok: true });
  });

  it("judges evidence submitted with the change instead of the stored one", () => {
    const needs = item({ requiresEvidence: true, evidenceNote: "old" });
    expect(check({ item: needs, evidence: { note: "", links: [] } })).toMatchObject({ code: "EVIDENCE_REQUIRED" });
    expect(check({ item: item({ requiresEvidence: true }), evidence: { note: "", links: ["x"] } })).toEqual({ ok: true });
  });

  it("reports open predecessors before missing evidence", () => {
    const result = check({
      item: item({ requiresEvidence: true }),
      predecessors: [{ id: "1", title: "A", status: "TODO" }],
    });
    expect(result).toMatchObject({ code: "PREDECESSORS_OPEN" });
  });
});

describe("isRegression", () => {
  it("is true exactly when a resolved gate reopens", () => {
    const expected = (from: ItemStatus, to: ItemStatus) =>
      (from === "DONE" && to !== "DONE") ||
      (from === "NOT_APPLICABLE" && to !== "DONE" && to !== "NOT_APPLICABLE");
    for (const from of ITEM_STATUSES)
      for (const to of ITEM_STATUSES) expect(isRegression(from, to), `${from}->${to}`).toBe(expected(from, to));
  });
});
