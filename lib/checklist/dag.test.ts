import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNewEdges, describeCycle, findCycle, type Edge } from "./dag";

const e = (predecessorId: string, itemId: string): Edge => ({ itemId, predecessorId });

/** Every consecutive pair of a reported cycle must be a real edge, and it must close. */
/** A returned cycle is closed and made of real edges; null (no cycle) passes, its absence is checked apart. */
function expectValidCycle(cycle: string[] | null, edges: Edge[]) {
  const path = cycle ?? [];
  const set = new Set(edges.map((x) => `${x.predecessorId}>${x.itemId}`));
  const steps = path.slice(1).map((to, i) => `${path[i]}>${to}`);
  expect({ closed: path[0] === path.at(-1), long: cycle === null || path.length >= 2, fake: steps.filter((x) => !set.has(x)) }).toEqual({
    closed: true,
    long: true,
    fake: [],
  });
}

/** Kahn's algorithm as an independent oracle: a graph is acyclic iff it can be fully topo-sorted. */
function isAcyclic(edges: Edge[]): boolean {
  const nodes = new Set(edges.flatMap((x) => [x.itemId, x.predecessorId]));
  const indegree = new Map([...nodes].map((n) => [n, 0]));
  for (const x of edges) indegree.set(x.itemId, indegree.get(x.itemId)! + 1);
  const queue = [...nodes].filter((n) => indegree.get(n) === 0);
  let seen = 0;
  while (queue.length) {
    const n = queue.pop()!;
    seen++;
    for (const x of edges)
      if (x.predecessorId === n) {
        indegree.set(x.itemId, indegree.get(x.itemId)! - 1);
        if (indegree.get(x.itemId) === 0) queue.push(x.itemId);
      }
  }
  return seen === nodes.size;
}

const graph = fc.array(
  fc.record({ itemId: fc.integer({ min: 0, max: 9 }), predecessorId: fc.integer({ min: 0, max: 9 }) }),
  { maxLength: 25 },
).map((list) => list.map((x) => e(`n${x.predecessorId}`, `n${x.itemId}`)));

describe("findCycle", () => {
  it("returns null for no edges and for a DAG", () => {
    expect(findCycle([])).toBeNull();
    expect(findCycle([e("a", "b"), e("b", "c"), e("a", "c")])).toBeNull();
  });

  it("treats a self-dependency as a cycle", () => {
    expect(findCycle([e("a", "a")])).toEqual(["a", "a"]);
  });

  it("reports a cycle in the order work flows", () => {
    const edges = [e("x", "a"), e("a", "b"), e("b", "c"), e("c", "a")];
    const cycle = findCycle(edges)!;
    expectValidCycle(cycle, edges);
    expect(new Set(cycle)).toEqual(new Set(["a", "b", "c"]));
  });

  it("finds a cycle only reachable from a later root", () => {
    const edges = [e("a", "b"), e("c", "d"), e("d", "c")];
    expectValidCycle(findCycle(edges)!, edges);
  });

  it("agrees with Kahn's algorithm and always returns a genuine cycle", () => {
    fc.assert(
      fc.property(graph, (edges) => {
        const cycle = findCycle(edges);
        expect(cycle === null).toBe(isAcyclic(edges));
        expectValidCycle(cycle, edges);
      }),
    );
  });

  it("handles 500 items and 2000 edges, and a 20 000-long chain, without recursion limits", () => {
    const edges: Edge[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = (i * 7919) % 500;
      const b = (i * 104729 + 13) % 500;
      if (a !== b) edges.push(a < b ? e(`i${a}`, `i${b}`) : e(`i${b}`, `i${a}`));
    }
    const started = performance.now();
    expect(findCycle(edges)).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);

    const chain = Array.from({ length: 20_000 }, (_, i) => e(`c${i}`, `c${i + 1}`));
    expect(findCycle(chain)).toBeNull();
    const closed = [...chain, e("c20000", "c0")];
    expect(findCycle(closed)).toHaveLength(20_002);
  });
});

describe("checkNewEdges", () => {
  it("accepts edges that keep the graph acyclic", () => {
    expect(checkNewEdges([e("a", "b")], [e("b", "c"), e("a", "c")])).toBeNull();
  });

  it("rejects a self-dependency", () => {
    expect(checkNewEdges([], [e("a", "a")])).toEqual(["a", "a"]);
  });

  it("returns the cycle through the new edge", () => {
    const existing = [e("a", "b"), e("b", "c")];
    expect(checkNewEdges(existing, [e("c", "a")])).toEqual(["c", "a", "b", "c"]);
  });

  it("detects cycles formed only by several added edges together", () => {
    const cycle = checkNewEdges([], [e("a", "b"), e("b", "a")]);
    expect(cycle).not.toBeNull();
    expectValidCycle(cycle!, [e("a", "b"), e("b", "a")]);
  });

  it("ignores a pre-existing cycle the new edges do not touch", () => {
    expect(checkNewEdges([e("x", "y"), e("y", "x")], [e("a", "b")])).toBeNull();
  });

  it("flags exactly the additions that make an acyclic graph cyclic", () => {
    fc.assert(
      fc.property(graph, graph, (existing, added) => {
        fc.pre(isAcyclic(existing));
        const all = [...existing, ...added];
        const cycle = checkNewEdges(existing, added);
        expect(cycle === null).toBe(isAcyclic(all));
        expectValidCycle(cycle, all);
      }),
    );
  });
});

describe("describeCycle", () => {
  it("names items by title with quotes and arrows", () => {
    const titles = new Map([["a", "Deploy"], ["b", "Smoke test"]]);
    expect(describeCycle(["a", "b", "a"], titles)).toBe("“Deploy” → “Smoke test” → “Deploy”");
  });

  it("accepts a plain record and falls back to the id", () => {
    expect(describeCycle(["a", "constructor", "a"], { a: "A" })).toBe("“A” → “constructor” → “A”");
  });
});
