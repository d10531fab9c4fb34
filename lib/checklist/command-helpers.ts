import "server-only";
import { TZDate } from "@date-fns/tz";
import type { Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import { canUpdateItem } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LaunchCtx } from "@/lib/server/command";
import { parseCsvDue } from "./csv-values";
import type { ItemDTO } from "./dto";
import type { ItemStatus } from "./types";
import { readItemDTO } from "./item-dto";

// Building blocks of the checklist commands. All run inside runLaunchCommand's transaction.

export const ITEM_STATE = {
  id: true,
  title: true,
  sectionId: true,
  ownerId: true,
  required: true,
  requiresEvidence: true,
  status: true,
  statusReason: true,
  evidenceNote: true,
  evidenceLinks: true,
  version: true,
} satisfies Prisma.ChecklistItemSelect;

export type ItemState = Prisma.ChecklistItemGetPayload<{ select: typeof ITEM_STATE }> & {
  /** The item's predecessors as they are now, for the gate on finishing it. */
  predecessors: { id: string; title: string; status: ItemStatus }[];
};

/** The item a command works on, with its predecessors' states: one round trip. */
export async function loadItem(ctx: LaunchCtx, itemId: string): Promise<ItemState> {
  // launchId in the where: an id from another launch is simply not found here.
  const rows = await ctx.tx.$queryRaw<ItemState[]>`
    SELECT i.id, i.title, i.section_id AS "sectionId", i.owner_id AS "ownerId", i.required, i.requires_evidence AS "requiresEvidence",
           i.status::text AS status, i.status_reason AS "statusReason", i.evidence_note AS "evidenceNote",
           i.evidence_links AS "evidenceLinks", i.version,
           COALESCE((SELECT json_agg(json_build_object('id', p.id, 'title', p.title, 'status', p.status) ORDER BY p.id)
                       FROM "item_dependency" d JOIN "checklist_item" p ON p.id = d.predecessor_id
                      WHERE d.item_id = i.id), '[]'::json) AS predecessors
      FROM "checklist_item" i
     WHERE i.id = ${itemId} AND i.launch_id = ${ctx.launch.id}`;
  if (!rows[0]) throw new NotFoundError("That item is no longer on this checklist. Reload to see the current list.");
  return rows[0];
}

export function assertCanUpdate(ctx: LaunchCtx, item: { ownerId: string | null; title: string }) {
  if (!canUpdateItem(ctx.actor, ctx.access, item)) {
    const why = ctx.access.role === "ENGINEER" ? "you can update only the items assigned to you" : "your role on this launch is read-only for items";
    throw new ForbiddenError(`You can’t change “${item.title}”: ${why}.`);
  }
}

async function conflict(ctx: LaunchCtx, itemId: string): Promise<never> {
  const current = await readItemDTO(ctx.tx, ctx.launch.id, itemId);
  const who = current.updatedByName ?? "Someone";
  throw new ConflictError<ItemDTO>(`${who} changed “${current.title}” since you loaded it; it is now ${current.status.replace("_", " ").toLowerCase()}.`, current);
}

/**
 * Writes `data` only if the item is still at `version` (optimistic concurrency), and bumps the version.
 * A stale version, checked up front or lost to a concurrent writer, is a ConflictError carrying the
 * current item so the browser can show what changed.
 */
export async function writeVersioned(
  ctx: LaunchCtx,
  item: { id: string; version: number },
  expected: number,
  data: Prisma.ChecklistItemUncheckedUpdateManyInput,
) {
  if (item.version !== expected) await conflict(ctx, item.id);
  const { count } = await ctx.tx.checklistItem.updateMany({
    where: { id: item.id, launchId: ctx.launch.id, version: expected },
    data: { ...data, updatedById: ctx.actor.userId, version: { increment: 1 } },
  });
  if (count === 0) await conflict(ctx, item.id);
}

export function respond(ctx: LaunchCtx, itemId: string) {
  return readItemDTO(ctx.tx, ctx.launch.id, itemId);
}

export type DueValue = { dueAt: Date | null; dueOffsetMinutes: number | null };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A form's due: "T-2d", an ISO time with offset, or a datetime-local value read in the launch's zone. */
export function parseDueInput(text: string | undefined, timeZone: string): DueValue | undefined {
  if (text === undefined) return undefined;
  if (!text) return { dueAt: null, dueOffsetMinutes: null };
  const local = LOCAL.exec(text);
  if (local) {
    const [y, mo, d, h, mi] = local.slice(1).map(Number);
    return { dueAt: new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime()), dueOffsetMinutes: null };
  }
  const parsed = parseCsvDue(text);
  if ("error" in parsed) throw new ValidationError(parsed.error, { due: [parsed.error] });
  if ("dueAt" in parsed) return { dueAt: parsed.dueAt, dueOffsetMinutes: null };
  if ("dueOffsetMinutes" in parsed) return { dueAt: null, dueOffsetMinutes: parsed.dueOffsetMinutes };
  return { dueAt: null, dueOffsetMinutes: null };
}

/** An owner must be a member who can work items (not a viewer or approver-only). */
export async function checkOwner(tx: Tx, launchId: string, ownerId: string | null | undefined) {
  if (!ownerId) return null;
  const member = await tx.member.findUnique({
    where: { launchId_userId: { launchId, userId: ownerId } },
    select: { role: true, user: { select: { name: true } } },
  });
  if (!member) throw new ValidationError("That person is not a member of this launch; add them on the Members tab first.", { ownerId: ["Not a member"] });
  return { name: member.user.name, role: member.role };
}

export async function nextPosition(tx: Tx, sectionId: string) {
  const last = await tx.checklistItem.aggregate({ where: { sectionId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}
