import { db } from "@/lib/db/client";

// Test fixtures: rows written straight to the database, so tests arrange state without going through
// the commands they are testing. Not imported by the app.

export async function seedSection(launchId: string, title = "Testing", position = 0) {
  return db.checklistSection.create({ data: { launchId, title, position }, select: { id: true, title: true } });
}

export async function seedItems(
  launchId: string,
  sectionId: string,
  count: number,
  fields: { ownerId?: string | null; required?: boolean; requiresEvidence?: boolean; title?: (i: number) => string } = {},
) {
  const start = await db.checklistItem.count({ where: { sectionId } });
  return db.checklistItem.createManyAndReturn({
    select: { id: true, title: true, version: true },
    data: Array.from({ length: count }, (_, i) => ({
      launchId,
      sectionId,
      position: start + i,
      title: fields.title?.(i) ?? `Check ${i + 1}`,
      description: `Step-by-step instructions for check ${i + 1}, with acceptance criteria.`,
      ownerId: fields.ownerId ?? null,
      required: fields.required ?? true,
      requiresEvidence: fields.requiresEvidence ?? false,
      dueOffsetMinutes: -1440 * ((i % 7) + 1),
    })),
  });
}

export async function itemState(itemId: string) {
  return db.checklistItem.findUniqueOrThrow({ where: { id: itemId } });
}

export async function linkPredecessor(itemId: string, predecessorId: string) {
  await db.itemDependency.create({ data: { itemId, predecessorId } });
}
