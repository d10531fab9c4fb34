import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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
  /** The last editor's name while they are a member of the launch (as the checklist page shows it). */
  updatedByName: string | null;
  timeZone: string;
  windows: { status: string; start: string; end: string }[] | null;
};

/**
 * Item DTOs of a launch, the given ids or all of them in checklist order, in one round trip: rows,
 * predecessors, comment counts, last editors' names, the launch's zone and the windows relative dues
 * resolve against. The write path's responses and the live batch read items here; so does every
 * conflict, so the acting tab, the other tabs and the page agree on an item to the field.
 */
export async function readItemDTOs(client: Db | Tx, launchId: string, ids: readonly string[] | "all", now = new Date()): Promise<ItemDTO[]> {
  if (ids !== "all" && ids.length === 0) return [];
  const rows = await client.$queryRaw<ItemSqlRow[]>`
    WITH w AS (
      SELECT json_agg(json_build_object('status', status, 'start', starts_at, 'end', ends_at)) AS windows
        FROM "deployment_window"
       WHERE launch_id = ${launchId} AND (status = 'IN_PROGRESS' OR (status IN ('SCHEDULED', 'PROPOSED') AND ends_at > ${now}))
    )
    SELECT i.id, i.section_id AS "sectionId", i.position, i.title, i.description, i.owner_id AS "ownerId", i.due_at AS "dueAt",
           i.due_offset_minutes AS "dueOffsetMinutes", i.required, i.requires_evidence AS "requiresEvidence", i.status::text AS status,
           i.status_reason AS "statusReason", i.evidence_note AS "evidenceNote", i.evidence_links AS "evidenceLinks", i.version,
           i.updated_at AS "updatedAt", i.updated_by_id AS "updatedById",
           ARRAY(SELECT d.predecessor_id FROM "item_dependency" d WHERE d.item_id = i.id) AS "predecessorIds",
           (SELECT count(*)::int FROM "item_comment" c WHERE c.item_id = i.id) AS "commentCount",
           (SELECT u.name FROM "member" m JOIN "user" u ON u.id = m.user_id WHERE m.launch_id = i.launch_id AND m.user_id = i.updated_by_id) AS "updatedByName",
           l.time_zone AS "timeZone", w.windows
      FROM "checklist_item" i JOIN "launch" l ON l.id = i.launch_id CROSS JOIN w
     WHERE i.launch_id = ${launchId} ${ids === "all" ? Prisma.empty : Prisma.sql`AND i.id IN (${Prisma.join([...ids])})`}
     ORDER BY i.position, i.created_at`;
  if (rows.length === 0) return [];
  const windowStart = anchorWindow(rows[0].windows ?? [], now)?.start;
  const start = windowStart ? new Date(windowStart) : null;
  return rows.map(({ predecessorIds, commentCount, updatedByName, timeZone, windows: _w, ...item }) => {
    const row: ItemRow = { ...item, predecessors: predecessorIds.map((predecessorId) => ({ predecessorId })), _count: { comments: commentCount } };
    return toItemDTO(row, start, timeZone, new Map(item.updatedById && updatedByName !== null ? [[item.updatedById, updatedByName]] : []));
  });
}

/** One item as a DTO, read inside a command's transaction after its write (readItemDTOs). */
export async function readItemDTO(tx: Tx, launchId: string, itemId: string): Promise<ItemDTO> {
  const [dto] = await readItemDTOs(tx, launchId, [itemId]);
  if (!dto) throw new NotFoundError("That item is no longer on this checklist. Reload to see the current list.");
  return dto;
}
