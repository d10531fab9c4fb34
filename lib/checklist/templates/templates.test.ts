import { describe, expect, it } from "vitest";
import { findCycle } from "../dag";
import { countItems, templateContentSchema } from "./content";
import { BUILTIN_TEMPLATES } from "./index";

describe("built-in templates", () => {
  it("ship five, with stable unique ids", () => {
    expect(BUILTIN_TEMPLATES).toHaveLength(5);
    expect(new Set(BUILTIN_TEMPLATES.map((t) => t.id)).size).toBe(5);
    for (const t of BUILTIN_TEMPLATES) expect(t.id).toMatch(/^builtin-[a-z-]+$/);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.name, t] as const))("%s is well formed", (_name, t) => {
    expect(templateContentSchema.parse(t.content)).toEqual(t.content);
    const items = t.content.sections.flatMap((s) => s.items);
    expect(countItems(t.content)).toBeGreaterThanOrEqual(15);
    expect(countItems(t.content)).toBeLessThanOrEqual(35);
    const keys = items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of items) for (const p of item.predecessors) expect(keys, `${item.key} -> ${p}`).toContain(p);
    expect(findCycle(items.flatMap((i) => i.predecessors.map((p) => ({ itemId: i.key, predecessorId: p }))))).toBeNull();
    expect(items.some((i) => i.requiresEvidence)).toBe(true);
    expect(items.some((i) => !i.required)).toBe(true);
    expect(t.content.signoffGroups.length).toBeGreaterThan(0);
  });
});
