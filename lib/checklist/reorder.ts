// The optimistic twin of moveItem on the server: remove the item, insert it at `position` in the target
// section, renumber both sections densely. Same semantics as dnd-kit's arrayMove within one section.
import type { ChecklistDTO } from "./dto";

export function reorder(c: ChecklistDTO, itemId: string, sectionId: string, position: number): ChecklistDTO {
  const moving = c.items.find((i) => i.id === itemId);
  if (!moving) return c;
  const target = c.items.filter((i) => i.sectionId === sectionId && i.id !== itemId).sort((a, b) => a.position - b.position);
  target.splice(Math.max(0, Math.min(position, target.length)), 0, { ...moving, sectionId });
  const renumbered = new Map(target.map((i, index) => [i.id, { ...i, position: index }]));
  if (moving.sectionId !== sectionId) {
    const source = c.items.filter((i) => i.sectionId === moving.sectionId && i.id !== itemId).sort((a, b) => a.position - b.position);
    source.forEach((i, index) => renumbered.set(i.id, { ...i, position: index }));
  }
  return { ...c, items: c.items.map((i) => renumbered.get(i.id) ?? i) };
}
