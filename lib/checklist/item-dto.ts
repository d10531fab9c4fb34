import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemDTO } from "./dto";
import { NotFoundError } from "@/lib/domain/errors";
import { anchorWindow } from "@/lib/windows/measured";
import { effectiveDue } from "./due";

// One select and one mapping for items, shared by the page's query and every command's response, so
// the optimistic cache and the server always agree on an item's shape.

/** Relative dues count from the measured window when it holds its environment (lib/windows/measured.ts). */
export async function loadWindowStart(client: Db | Tx, launchId: string, now = new Date()): Promise<Date | null> {
  const windows = await client.deploymentWindow.findMany({
    where: { launchId, OR: [{ status: "IN_PROGRESS" }, { status: { in: ["SCHEDULED", "PROPOSED"] }, endsAt: { gt: now } }] },
    select: { status: true, startsAt: true, endsAt: true },
  });
  return anchorWindow(windows.map((w) => ({ status: w.status, start: w.startsAt, end: w.endsAt })), now)?.start ?? null;
}

/** A row of readItemDTOs' statement: the DTO's fields, with the times as Dates and the editor by id. */
type ItemSqlRow = Omit<ItemDTO, "dueAt" | "dueResolved" | "updatedAt"> & {
  dueAt: Date | null;
  updatedAt: Date;
  updatedById: string | null;
  /** On one row only (the first by row_number): the launch's zone and the windows relative dues resolve against (JSON text). */
  timeZone: string | null;
  windows: string | null;
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
           CASE WHEN row_number() OVER () = 1 THEN l.time_zone END AS "timeZone",
           CASE WHEN row_number() OVER () = 1 THEN w.windows::text END AS windows
      FROM "checklist_item" i JOIN "launch" l ON l.id = i.launch_id CROSS JOIN w
     WHERE i.launch_id = ${launchId} ${ids === "all" ? Prisma.empty : Prisma.sql`AND i.id IN (${Prisma.join([...ids])})`}
     ORDER BY i.position, i.created_at`;
  if (rows.length === 0) return [];
  const { timeZone, windows } = rows.find((r) => r.timeZone !== null)!;
  const start = anchorWindow(windows ? (JSON.parse(windows) as { status: string; start: string; end: string }[]) : [], now)?.start;
  const windowStart = start ? new Date(start) : null;
  return rows.map((row) => {
    const due = effectiveDue(row, windowStart, timeZone!);
    return {
      id: row.id,
      sectionId: row.sectionId,
      position: row.position,
      title: row.title,
      description: row.description,
      ownerId: row.ownerId,
      dueAt: row.dueAt?.toISOString() ?? null,
      dueOffsetMinutes: row.dueOffsetMinutes,
      dueResolved: due?.toISOString() ?? null,
      required: row.required,
      requiresEvidence: row.requiresEvidence,
      status: row.status,
      statusReason: row.statusReason,
      evidenceNote: row.evidenceNote,
      evidenceLinks: row.evidenceLinks,
      predecessorIds: row.predecessorIds.sort(),
      commentCount: row.commentCount,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
      updatedByName: row.updatedById ? (row.updatedByName ?? "A former member") : null,
    };
  });
}

/** One item as a DTO, read inside a command's transaction after its write (readItemDTOs). */
export async function readItemDTO(tx: Tx, launchId: string, itemId: string): Promise<ItemDTO> {
  const [dto] = await readItemDTOs(tx, launchId, [itemId]);
  if (!dto) throw new NotFoundError("That item is no longer on this checklist. Reload to see the current list.");
  return dto;
}
