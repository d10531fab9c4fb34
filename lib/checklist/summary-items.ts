// ItemDTOs (ISO strings) in the shape summarizeChecklist reads (Dates). Client-safe.
import type { ItemDTO } from "./dto";

export function summaryItems(items: readonly ItemDTO[]) {
  return items.map((i) => ({ sectionId: i.sectionId, required: i.required, status: i.status, dueAt: i.dueResolved ? new Date(i.dueResolved) : null }));
}
