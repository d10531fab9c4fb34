import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { isResolved, type ItemStatus } from "./types";

// Bulk insert of sections, items and their dependencies in a constant number of statements, shared by
// "create from a template" and CSV import. Predecessors are given by key within the batch.

export type NewItem = {
  key: string;
  title: string;
  description: string;
  ownerId: string | null;
  dueAt: Date | null;
  dueOffsetMinutes: number | null;
  required: boolean;
  requiresEvidence: boolean;
  status: ItemStatus;
  statusReason: string | null;
  evidenceNote: string;
  evidenceLinks: string[];
  predecessorKeys: string[];
};

export type NewSection = { title: string; items: NewItem[] };

export async function insertChecklist(tx: Tx, launchId: string, actorId: string, sections: NewSection[], opts: { mergeByTitle?: boolean } = {}) {
  const existing = await tx.checklistSection.findMany({
    where: { launchId },
    select: { id: true, title: true, position: true, items: { select: { position: true }, orderBy: { position: "desc" }, take: 1 } },
  });
  const byTitle = new Map(opts.mergeByTitle ? existing.map((s) => [s.title, s]) : []);
  let nextSection = Math.max(-1, ...existing.map((s) => s.position)) + 1;

  const sectionRows: { id: string; launchId: string; title: string; position: number }[] = [];
  const itemRows: (Omit<NewItem, "key" | "predecessorKeys"> & { id: string; launchId: string; sectionId: string; position: number; updatedById: string; completedAt: Date | null })[] = [];
  const idByKey = new Map<string, string>();
  const now = new Date();

  for (const section of sections) {
    const merged = byTitle.get(section.title);
    const sectionId = merged?.id ?? randomUUID();
    if (!merged) sectionRows.push({ id: sectionId, launchId, title: section.title, position: nextSection++ });
    let position = merged ? (merged.items[0]?.position ?? -1) + 1 : 0;
    for (const { key, predecessorKeys: _p, ...item } of section.items) {
      const id = randomUUID();
      idByKey.set(key, id);
      itemRows.push({ ...item, id, launchId, sectionId, position: position++, updatedById: actorId, completedAt: item.status === "DONE" ? now : null });
    }
  }
  const dependencyRows = sections.flatMap((s) =>
    s.items.flatMap((i) => i.predecessorKeys.map((k) => ({ itemId: idByKey.get(i.key)!, predecessorId: idByKey.get(k)! }))),
  );

  if (sectionRows.length) await tx.checklistSection.createMany({ data: sectionRows });
  if (itemRows.length) await tx.checklistItem.createMany({ data: itemRows });
  if (dependencyRows.length) await tx.itemDependency.createMany({ data: dependencyRows });

  return {
    sections: sectionRows.length,
    items: itemRows.length,
    idByKey,
    openRequired: itemRows.filter((i) => i.required && !isResolved(i.status)).map((i) => ({ id: i.id, title: i.title })),
  };
}
