import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemDTO } from "./dto";
import { anchorWindow } from "@/lib/windows/measured";
import { effectiveDue } from "./due";
import type { ItemStatus } from "./types";

// One select and one mapping for items, shared by the page's query and every command's response, so
// the optimistic cache and the server always agree on an item's shape.

export const ITEM_SELECT = {
  id: true,
  sectionId: true,
  position: true,
  title: true,
  description: true,
  ownerId: true,
  dueAt: true,
  dueOffsetMinutes: true,
  required: true,
  requiresEvidence: true,
  status: true,
  statusReason: true,
  evidenceNote: true,
  evidenceLinks: true,
  version: true,
  updatedAt: true,
  updatedById: true,
  predecessors: { select: { predecessorId: true } },
  _count: { select: { comments: true } },
} satisfies Prisma.ChecklistItemSelect;

export type ItemRow = Prisma.ChecklistItemGetPayload<{ select: typeof ITEM_SELECT }>;

export function toItemDTO(row: ItemRow, windowStart: Date | null, timeZone: string, names: ReadonlyMap<string, string>): ItemDTO {
  const resolved = effectiveDue(row, windowStart, timeZone);
  return {
    id: row.id,
    sectionId: row.sectionId,
    position: row.position,
    title: row.title,
    description: row.description,
    ownerId: row.ownerId,
    dueAt: row.dueAt?.toISOString() ?? null,
    dueOffsetMinutes: row.dueOffsetMinutes,
    dueResolved: resolved?.toISOString() ?? null,
    required: row.required,
    requiresEvidence: row.requiresEvidence,
    status: row.status as ItemStatus,
    statusReason: row.statusReason,
    evidenceNote: row.evidenceNote,
    evidenceLinks: row.evidenceLinks,
    predecessorIds: row.predecessors.map((p) => p.predecessorId),
    commentCount: row._count.comments,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedByName: row.updatedById ? (names.get(row.updatedById) ?? "A former member") : null,
  };
}

/** Relative dues count from the measured window when it holds its environment (lib/windows/measured.ts). */
export async function loadWindowStart(client: Db | Tx, launchId: string, now = new Date()): Promise<Date | null> {
  const windows = await client.deploymentWindow.findMany({
    where: { launchId, OR: [{ status: "IN_PROGRESS" }, { status: { in: ["SCHEDULED", "PROPOSED"] }, endsAt: { gt: now } }] },
    select: { status: true, startsAt: true, endsAt: true },
  });
  return anchorWindow(windows.map((w) => ({ status: w.status, start: w.startsAt, end: w.endsAt })), now)?.start ?? null;
}

/** One item as a DTO, read inside a command's transaction after its write. */
export async function readItemDTO(tx: Tx, launchId: string, itemId: string, timeZone: string): Promise<ItemDTO> {
  const [row, windowStart] = await Promise.all([
    tx.checklistItem.findFirstOrThrow({ where: { id: itemId, launchId }, select: ITEM_SELECT }),
    loadWindowStart(tx, launchId),
  ]);
  const updater = row.updatedById
    ? await tx.user.findUnique({ where: { id: row.updatedById }, select: { id: true, name: true } })
    : null;
  return toItemDTO(row, windowStart, timeZone, new Map(updater ? [[updater.id, updater.name]] : []));
}
