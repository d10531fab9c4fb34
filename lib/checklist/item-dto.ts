import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemDTO } from "./dto";
import { NotFoundError } from "@/lib/domain/errors";
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
    predecessorIds: row.predecessors.map((p) => p.predecessorId).sort(),
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

type ItemSqlRow = Omit<ItemRow, "predecessors" | "_count"> & {
  predecessorIds: string[];
  commentCount: number;
  updatedByName: string | null;
  windows: { status: string; start: string; end: string }[] | null;
};

/**
 * One item as a DTO, read inside a command's transaction after its write: one round trip for the row,
 * its predecessors, comment count, last editor's name and the windows its relative due resolves against.
 */
export async function readItemDTO(tx: Tx, launchId: string, itemId: string, timeZone: string, now = new Date()): Promise<ItemDTO> {
  const rows = await tx.$queryRaw<ItemSqlRow[]>`
    SELECT i.id, i.section_id AS "sectionId", i.position, i.title, i.description, i.owner_id AS "ownerId", i.due_at AS "dueAt",
           i.due_offset_minutes AS "dueOffsetMinutes", i.required, i.requires_evidence AS "requiresEvidence", i.status::text AS status,
           i.status_reason AS "statusReason", i.evidence_note AS "evidenceNote", i.evidence_links AS "evidenceLinks", i.version,
           i.updated_at AS "updatedAt", i.updated_by_id AS "updatedById",
           ARRAY(SELECT d.predecessor_id FROM "item_dependency" d WHERE d.item_id = i.id) AS "predecessorIds",
           (SELECT count(*)::int FROM "item_comment" c WHERE c.item_id = i.id) AS "commentCount",
           (SELECT u.name FROM "user" u WHERE u.id = i.updated_by_id) AS "updatedByName",
           (SELECT json_agg(json_build_object('status', w.status, 'start', w.starts_at, 'end', w.ends_at))
              FROM "deployment_window" w
             WHERE w.launch_id = i.launch_id
               AND (w.status = 'IN_PROGRESS' OR (w.status IN ('SCHEDULED', 'PROPOSED') AND w.ends_at > ${now}))) AS windows
      FROM "checklist_item" i
     WHERE i.id = ${itemId} AND i.launch_id = ${launchId}`;
  const r = rows[0];
  if (!r) throw new NotFoundError("That item is no longer on this checklist. Reload to see the current list.");
  const { predecessorIds, commentCount, updatedByName, windows, ...item } = r;
  const row: ItemRow = { ...item, predecessors: predecessorIds.map((predecessorId) => ({ predecessorId })), _count: { comments: commentCount } };
  const windowStart = anchorWindow(windows ?? [], now)?.start;
  const names = new Map(item.updatedById && updatedByName !== null ? [[item.updatedById, updatedByName]] : []);
  return toItemDTO(row, windowStart ? new Date(windowStart) : null, timeZone, names);
}
