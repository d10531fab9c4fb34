import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateGroup, type DecisionState, type GroupInput } from "./rules";

const approve = (approverId: string, over: Partial<DecisionState> = {}): DecisionState => ({
  approverId,
  decision: "APPROVE",
  stale: false,
  withdrawn: false,
  ...over,
});
const reject = (approverId: string, over: Partial<DecisionState> = {}) => approve(approverId, { decision: "REJECT", ...over });

const group = (over: Partial<GroupInput>): GroupInput => ({
  rule: "ANY",
  requiredCount: null,
  approverIds: ["a", "b", "c"],
  decisions: [],
  ...over,
});

describe("evaluateGroup", () => {
  it("ANY: one live approval is enough", () => {
    expect(evaluateGroup(group({}))).toEqual({ status: "PENDING", approvals: 0, needed: 1, rejections: 0, staleCount: 0, waitingOn: ["a", "b", "c"] });
    expect(evaluateGroup(group({ decisions: [approve("b")] }))).toMatchObject({ status: "APPROVED", approvals: 1, waitingOn: ["a", "c"] });
  });

  it("ALL: every approver must approve", () => {
    const all = group({ rule: "ALL", decisions: [approve("a"), approve("b")] });
    expect(evaluateGroup(all)).toMatchObject({ status: "PENDING", approvals: 2, needed: 3, waitingOn: ["c"] });
    expect(evaluateGroup({ ...all, decisions: [...all.decisions, approve("c")] })).toMatchObject({ status: "APPROVED", waitingOn: [] });
  });

  it("N_OF_M: needs requiredCount approvals", () => {
    const two = group({ rule: "N_OF_M", requiredCount: 2, decisions: [approve("a")] });
    expect(evaluateGroup(two)).toMatchObject({ status: "PENDING", needed: 2 });
    expect(evaluateGroup({ ...two, decisions: [approve("a"), approve("c")] })).toMatchObject({ status: "APPROVED" });
  });

  it("any live rejection rejects the group, whatever the approvals", () => {
    const result = evaluateGroup(group({ decisions: [approve("a"), approve("b"), reject("c")] }));
    expect(result).toMatchObject({ status: "REJECTED", approvals: 2, rejections: 1, waitingOn: [] });
  });

  it("ignores stale and withdrawn decisions, counting the stale ones not yet renewed", () => {
    const result = evaluateGroup(
      group({ decisions: [approve("a", { stale: true }), reject("b", { withdrawn: true }), reject("c", { stale: true })] }),
    );
    expect(result).toEqual({ status: "PENDING", approvals: 0, needed: 1, rejections: 0, staleCount: 2, waitingOn: ["a", "b", "c"] });
    const renewed = evaluateGroup(group({ decisions: [approve("a", { stale: true }), approve("a")] }));
    expect(renewed).toMatchObject({ status: "APPROVED", staleCount: 0 });
  });

  it("does not count a withdrawn stale decision as stale", () => {
    expect(evaluateGroup(group({ decisions: [approve("a", { stale: true, withdrawn: true })] })).staleCount).toBe(0);
  });

  it("ignores decisions from people who are not approvers", () => {
    expect(evaluateGroup(group({ decisions: [approve("mallory"), reject("eve")] }))).toMatchObject({ status: "PENDING", approvals: 0, rejections: 0 });
  });

  it("lets the latest live decision of an approver stand", () => {
    expect(evaluateGroup(group({ decisions: [reject("a"), approve("a")] }))).toMatchObject({ status: "APPROVED", rejections: 0 });
  });

  it("counts duplicate approver ids once", () => {
    expect(evaluateGroup(group({ rule: "ALL", approverIds: ["a", "a"], decisions: [approve("a")] }))).toMatchObject({
      status: "APPROVED",
      needed: 1,
      waitingOn: [],
    });
  });

  it("flags misconfigured groups and keeps them pending", () => {
    for (const rule of ["ANY", "ALL", "N_OF_M"] as const) {
      const empty = evaluateGroup(group({ rule, requiredCount: 1, approverIds: [] }));
      expect(empty).toMatchObject({ status: "PENDING", problem: expect.stringContaining("No approvers") });
    }
    const tooMany = evaluateGroup(group({ rule: "N_OF_M", requiredCount: 4, decisions: [approve("a"), approve("b"), approve("c")] }));
    expect(tooMany).toMatchObject({ status: "PENDING", approvals: 3, needed: 4, problem: "4 approvals are needed but only 3 approvers are assigned." });
    for (const requiredCount of [null, 0, -1, 1.5]) {
      expect(evaluateGroup(group({ rule: "N_OF_M", requiredCount, decisions: [approve("a")] }))).toMatchObject({
        status: "PENDING",
        problem: "The number of approvals needed is not set.",
      });
    }
  });

  it("keeps its counts consistent and never approves with a rejection (property)", () => {
    const ids = ["a", "b", "c", "d", "x"];
    const decision = fc.record({
      approverId: fc.constantFrom(...ids),
      decision: fc.constantFrom("APPROVE" as const, "REJECT" as const),
      stale: fc.boolean(),
      withdrawn: fc.boolean(),
    });
    const input = fc.record({
      rule: fc.constantFrom("ANY" as const, "ALL" as const, "N_OF_M" as const),
      requiredCount: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      approverIds: fc.uniqueArray(fc.constantFrom("a", "b", "c", "d")),
      decisions: fc.array(decision, { maxLength: 10 }),
    });
    fc.assert(
      fc.property(input, (g) => {
        const r = evaluateGroup(g);
        expect(r.approvals + r.rejections + r.waitingOn.length).toBe(g.approverIds.length);
        expect(r.status === "REJECTED").toBe(r.rejections > 0);
        if (r.status === "APPROVED") expect(r.approvals).toBeGreaterThanOrEqual(r.needed);
        // Dropping every stale decision changes nothing but the stale count.
        const fresh = evaluateGroup({ ...g, decisions: g.decisions.filter((d) => !d.stale) });
        expect({ ...fresh, staleCount: 0 }).toEqual({ ...r, staleCount: 0 });
      }),
    );
  });
});
