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
        expect(r.status !== "APPROVED" || r.approvals >= r.needed).toBe(true);
        // Dropping every stale decision changes nothing but the stale count.
        const fresh = evaluateGroup({ ...g, decisions: g.decisions.filter((d) => !d.stale) });
        expect({ ...fresh, staleCount: 0 }).toEqual({ ...r, staleCount: 0 });
      }),
    );
  });
});

describe("evaluateGroup: the N-of-M boundaries", () => {
  const nOfM = (n: number, approverIds: string[], decisions: DecisionState[]) =>
    evaluateGroup({ rule: "N_OF_M", requiredCount: n, approverIds, decisions }).status;

  it("N = M: 2 of 2 approve -> approved; 1 of 2 -> pending", () => {
    expect(nOfM(2, ["a", "b"], [approve("a"), approve("b")])).toBe("APPROVED");
    expect(nOfM(2, ["a", "b"], [approve("a")])).toBe("PENDING");
    expect(nOfM(3, ["a", "b", "c"], [approve("a"), approve("b"), approve("c")])).toBe("APPROVED");
  });

  it("N = 1: the first approval approves", () => {
    expect(nOfM(1, ["a", "b", "c"], [])).toBe("PENDING");
    expect(nOfM(1, ["a", "b", "c"], [approve("c")])).toBe("APPROVED");
    expect(nOfM(1, ["a"], [approve("a")])).toBe("APPROVED");
  });

  it("N = M - 1: one short is pending, exactly N approves", () => {
    expect(nOfM(2, ["a", "b", "c"], [approve("a")])).toBe("PENDING");
    expect(nOfM(2, ["a", "b", "c"], [approve("a"), approve("c")])).toBe("APPROVED");
    expect(nOfM(3, ["a", "b", "c", "d"], [approve("a"), approve("b")])).toBe("PENDING");
    expect(nOfM(3, ["a", "b", "c", "d"], [approve("a"), approve("b"), approve("d")])).toBe("APPROVED");
  });

  it("a stale or withdrawn approval does not count toward N", () => {
    expect(nOfM(2, ["a", "b"], [approve("a"), approve("b", { stale: true })])).toBe("PENDING");
    expect(nOfM(2, ["a", "b"], [approve("a"), approve("b", { withdrawn: true })])).toBe("PENDING");
    expect(nOfM(1, ["a", "b"], [approve("a", { stale: true })])).toBe("PENDING");
    // Renewed after going stale: counts again.
    expect(nOfM(2, ["a", "b"], [approve("a"), approve("b", { stale: true }), approve("b")])).toBe("APPROVED");
  });

  it("a rejection at N = M, N = 1 or N = M - 1 rejects, even when N approvals are in", () => {
    expect(nOfM(2, ["a", "b"], [approve("a"), reject("b")])).toBe("REJECTED");
    expect(nOfM(1, ["a", "b"], [approve("a"), reject("b")])).toBe("REJECTED");
    expect(nOfM(2, ["a", "b", "c"], [approve("a"), approve("b"), reject("c")])).toBe("REJECTED");
    // A stale or withdrawn rejection is no longer a "no".
    expect(nOfM(2, ["a", "b", "c"], [approve("a"), approve("b"), reject("c", { stale: true })])).toBe("APPROVED");
    expect(nOfM(2, ["a", "b", "c"], [approve("a"), approve("b"), reject("c", { withdrawn: true })])).toBe("APPROVED");
    // Changed their mind: the later approval stands.
    expect(nOfM(2, ["a", "b"], [reject("a"), approve("a"), approve("b")])).toBe("APPROVED");
  });

  it("N above M or below 1 never approves, and says why", () => {
    expect(evaluateGroup({ rule: "N_OF_M", requiredCount: 3, approverIds: ["a", "b"], decisions: [approve("a"), approve("b")] })).toMatchObject({
      status: "PENDING",
      problem: "3 approvals are needed but only 2 approvers are assigned.",
    });
    expect(evaluateGroup({ rule: "N_OF_M", requiredCount: 0, approverIds: ["a"], decisions: [approve("a")] })).toMatchObject({
      status: "PENDING",
      problem: "The number of approvals needed is not set.",
    });
  });

  // An oracle written from the rule's definition, not from the code: per approver the last decision that
  // is neither stale nor withdrawn stands; any "no" rejects; otherwise N "yes" approve.
  const people = ["p0", "p1", "p2", "p3", "p4", "p5"];
  const scenario = fc.integer({ min: 1, max: 6 }).chain((m) =>
    fc.record({
      m: fc.constant(m),
      n: fc.integer({ min: 1, max: m }),
      decisions: fc.array(
        fc.record({
          approverId: fc.constantFrom(...people.slice(0, m), "outsider"),
          decision: fc.constantFrom("APPROVE" as const, "REJECT" as const),
          stale: fc.boolean(),
          withdrawn: fc.boolean(),
        }),
        { maxLength: 14 },
      ),
    }),
  );
  const oracle = (approverIds: string[], n: number, decisions: DecisionState[]) => {
    const last = new Map<string, string>();
    for (const d of decisions) if (approverIds.includes(d.approverId) && !d.stale && !d.withdrawn) last.set(d.approverId, d.decision);
    const yes = [...last.values()].filter((v) => v === "APPROVE").length;
    if (yes < last.size) return "REJECTED";
    return yes >= n ? "APPROVED" : "PENDING";
  };

  it("agrees with the rule's definition for every N in 1..M and any decisions (property)", () => {
    fc.assert(
      fc.property(scenario, ({ m, n, decisions }) => {
        const approverIds = people.slice(0, m);
        expect(nOfM(n, approverIds, decisions)).toBe(oracle(approverIds, n, decisions));
      }),
      { numRuns: 500 },
    );
  });

  it("ALL is N_OF_M with N = M, ANY is N_OF_M with N = 1 (property)", () => {
    fc.assert(
      fc.property(scenario, ({ m, decisions }) => {
        const approverIds = people.slice(0, m);
        const base = { requiredCount: null, approverIds, decisions };
        expect(evaluateGroup({ ...base, rule: "ALL" }).status).toBe(nOfM(m, approverIds, decisions));
        expect(evaluateGroup({ ...base, rule: "ANY" }).status).toBe(nOfM(1, approverIds, decisions));
      }),
      { numRuns: 300 },
    );
  });

  it("one more approval from someone still waiting never turns approved into pending (property)", () => {
    fc.assert(
      fc.property(scenario, ({ m, n, decisions }) => {
        const approverIds = people.slice(0, m);
        const before = evaluateGroup({ rule: "N_OF_M", requiredCount: n, approverIds, decisions });
        const next = before.waitingOn[0] ?? approverIds[0];
        const after = evaluateGroup({ rule: "N_OF_M", requiredCount: n, approverIds, decisions: [...decisions, approve(next)] });
        expect(after.approvals).toBeGreaterThanOrEqual(before.approvals);
        expect(before.status === "APPROVED" ? after.status : "APPROVED").toBe("APPROVED");
      }),
    );
  });
});
