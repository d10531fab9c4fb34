import { QueryClient, dehydrate, hydrate } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { fromWire, toWire } from "./wire";

describe("prefetched data on the wire", () => {
  const items = [{ id: "i1", title: "Deploy “the” release \u2028 </script>", dueAt: null, predecessorIds: ["a"], version: 3 }];

  it("goes as one JSON string and comes back equal", () => {
    const wire = toWire(items);
    expect(Object.values(wire)).toEqual([JSON.stringify(items)]);
    expect(fromWire(wire)).toEqual(items);
  });

  it("leaves data that was not sent this way as it is, strings and nulls included", () => {
    for (const data of [items, "text", null, 0, { other: "x" }]) expect(fromWire(data)).toBe(data);
  });

  it("hydrates a browser cache from a server dehydrate through TanStack's own hooks", () => {
    const server = new QueryClient();
    server.setQueryData(["launch", "l1", "checklist"], { items });
    const state = JSON.parse(JSON.stringify(dehydrate(server, { serializeData: toWire })));
    const browser = new QueryClient({ defaultOptions: { hydrate: { deserializeData: fromWire } } });
    hydrate(browser, state);
    expect(browser.getQueryData(["launch", "l1", "checklist"])).toEqual({ items });
  });
});
