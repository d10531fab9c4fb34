import { describe, expect, it } from "vitest";
import type { ChecklistDTO, ItemDTO } from "./dto";
import { reorder } from "./reorder";

const item = (id: string, sectionId: string, position: number) => ({ id, sectionId, position }) as ItemDTO;
const checklist = { items: [item("a", "s1", 0), item("b", "s1", 1), item("c", "s1", 2), item("x", "s2", 0)] } as ChecklistDTO;
const order = (c: ChecklistDTO, sectionId: string) => c.items.filter((i) => i.sectionId === sectionId).sort((p, q) => p.position - q.position).map((i) => i.id);

describe("reorder", () => {
  it("moves within a section like arrayMove", () => {
    expect(order(reorder(checklist, "a", "s1", 2), "s1")).toEqual(["b", "c", "a"]);
    expect(order(reorder(checklist, "c", "s1", 0), "s1")).toEqual(["c", "a", "b"]);
  });

  it("moves across sections and closes the gap it leaves", () => {
    const moved = reorder(checklist, "b", "s2", 0);
    expect(order(moved, "s2")).toEqual(["b", "x"]);
    expect(order(moved, "s1")).toEqual(["a", "c"]);
    expect(moved.items.filter((i) => i.sectionId === "s1").map((i) => i.position).sort()).toEqual([0, 1]);
  });

  it("clamps positions and ignores unknown items", () => {
    expect(order(reorder(checklist, "a", "s2", 99), "s2")).toEqual(["x", "a"]);
    expect(reorder(checklist, "nope", "s1", 0)).toBe(checklist);
  });
});
