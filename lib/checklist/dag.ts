// Item predecessors must form a DAG: a cycle would make every item on it impossible to finish.
// Cycles are reported in the order work flows: [a, b, a] means a must finish before b, and b before a.
// Traversals are iterative so a long chain (hundreds of items) cannot overflow the call stack.

export type Edge = { itemId: string; predecessorId: string };

function successorsOf(edges: readonly Edge[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const { itemId, predecessorId } of edges) {
    const list = next.get(predecessorId);
    if (list) list.push(itemId);
    else next.set(predecessorId, [itemId]);
    if (!next.has(itemId)) next.set(itemId, []);
  }
  return next;
}

/** One cycle as ids with the first repeated at the end, or null when the edges form a DAG. */
export function findCycle(edges: readonly Edge[]): string[] | null {
  const next = successorsOf(edges);
  const state = new Map<string, "open" | "done">();

  for (const root of next.keys()) {
    if (state.has(root)) continue;
    // `path` mirrors the DFS stack, so when we meet an open node the cycle is the path's tail.
    const path: string[] = [root];
    const cursor: number[] = [0];
    state.set(root, "open");
    while (path.length > 0) {
      const node = path[path.length - 1];
      const children = next.get(node)!;
      const i = cursor[cursor.length - 1]++;
      if (i >= children.length) {
        state.set(node, "done");
        path.pop();
        cursor.pop();
        continue;
      }
      const child = children[i];
      const seen = state.get(child);
      if (seen === "open") return [...path.slice(path.indexOf(child)), child];
      if (seen === undefined) {
        state.set(child, "open");
        path.push(child);
        cursor.push(0);
      }
    }
  }
  return null;
}

/** Shortest path from `from` to `to` following successor links, or null. */
function pathBetween(next: Map<string, string[]>, from: string, to: string): string[] | null {
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === to) {
      const path = [node];
      for (let n = node; n !== from; ) path.push((n = parent.get(n)!));
      return path.reverse();
    }
    for (const child of next.get(node) ?? []) {
      if (!parent.has(child)) {
        parent.set(child, node);
        queue.push(child);
      }
    }
  }
  return null;
}

/**
 * The cycle that adding `added` to `existing` would create, or null. Only cycles passing through an
 * added edge count, so a pre-existing bad graph does not block an unrelated change.
 */
export function checkNewEdges(existing: readonly Edge[], added: readonly Edge[]): string[] | null {
  const next = successorsOf([...existing, ...added]);
  for (const { itemId, predecessorId } of added) {
    if (itemId === predecessorId) return [itemId, itemId];
    // The new link runs predecessor -> item; a cycle needs a way back from item to predecessor.
    const back = pathBetween(next, itemId, predecessorId);
    if (back) return [predecessorId, ...back];
  }
  return null;
}

/** “Deploy” → “Smoke test” → “Deploy”, for messages. Unknown ids are shown as they are. */
export function describeCycle(
  cycleIds: readonly string[],
  titleById: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string {
  const title = (id: string) => {
    if (titleById instanceof Map) return titleById.get(id) ?? id;
    const record = titleById as Readonly<Record<string, string>>;
    return Object.hasOwn(record, id) ? record[id] : id;
  };
  return cycleIds.map((id) => `“${title(id)}”`).join(" → ");
}
