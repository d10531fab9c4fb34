import "server-only";
import { db } from "@/lib/db/client";
import { can, type Actor, type Role } from "@/lib/domain/roles";
import { getLaunchForActor } from "@/lib/launches/queries";
import type { ChecklistDTO, ItemDetailDTO, ViewerRights } from "./dto";
import { effectiveDue } from "./due";
import { loadWindowStart, readItemDTOs } from "./item-dto";
import { summarizeChecklist, type ChecklistSummary } from "./readiness-summary";
import type { ItemStatus } from "./types";

// Reads for the checklist. loadChecklist makes the same number of queries for 5 items or 500
// (lib/checklist/query-count.int.test.ts): relations are fetched per query, never per row.

function rights(actor: Actor, role: Role | null, engineersEditAll: boolean): ViewerRights {
  const access = { role, engineersEditAll };
  return {
    userId: actor.userId,
    role,
    structure: can(actor, access, "checklist.structure"),
    assign: can(actor, access, "checklist.assign"),
    waive: can(actor, access, "item.waive-required"),
    updateAny: can(actor, access, "item.update.any"),
    updateOwn: can(actor, access, "item.update.own"),
    comment: can(actor, access, "item.comment"),
    saveTemplate: can(actor, access, "template.save"),
  };
}

/** The whole checklist of a launch as `actor` may see it; NotFound for non-members. */
export async function loadChecklist(actor: Actor, launchId: string): Promise<ChecklistDTO> {
  const launch = await getLaunchForActor(actor, launchId);
  // Items as the write path and the live batch read them (readItemDTOs: one statement for all of them).
  const [windowStart, sections, items, members] = await Promise.all([
    loadWindowStart(db, launch.id),
    db.checklistSection.findMany({ where: { launchId: launch.id }, orderBy: { position: "asc" }, select: { id: true, title: true, position: true, version: true } }),
    readItemDTOs(db, launch.id, "all"),
    db.member.findMany({
      where: { launchId: launch.id },
      orderBy: { createdAt: "asc" },
      select: { userId: true, role: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  return {
    launchId: launch.id,
    timeZone: launch.timeZone,
    windowStartsAt: windowStart?.toISOString() ?? null,
    sections,
    items,
    members: members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role as Role })),
    viewer: rights(actor, launch.role, launch.engineersEditAll),
  };
}

/** Readiness counts for the launch overview's ChecklistSummaryCard. */
export async function loadChecklistSummary(actor: Actor, launchId: string, now = new Date()): Promise<ChecklistSummary> {
  const launch = await getLaunchForActor(actor, launchId);
  const [windowStart, sections, items] = await Promise.all([
    loadWindowStart(db, launch.id),
    db.checklistSection.findMany({ where: { launchId: launch.id }, select: { id: true, title: true, position: true } }),
    db.checklistItem.findMany({
      where: { launchId: launch.id },
      select: { sectionId: true, required: true, status: true, dueAt: true, dueOffsetMinutes: true },
    }),
  ]);
  const summary = items.map((i) => ({ ...i, status: i.status as ItemStatus, dueAt: effectiveDue(i, windowStart, launch.timeZone) }));
  return summarizeChecklist(sections, summary, now);
}

/** Comments and the item's own history (its events), for the item drawer. */
export async function loadItemDetail(actor: Actor, launchId: string, itemId: string): Promise<ItemDetailDTO> {
  const launch = await getLaunchForActor(actor, launchId);
  const item = await db.checklistItem.findFirst({ where: { id: itemId, launchId: launch.id }, select: { id: true } });
  if (!item) return { comments: [], history: [] };
  const [comments, events] = await Promise.all([
    db.itemComment.findMany({
      where: { itemId: item.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.event.findMany({
      where: {
        launchId: launch.id,
        OR: [{ payload: { path: ["itemId"], equals: item.id } }, { payload: { path: ["itemIds"], array_contains: [item.id] } }],
      },
      orderBy: { id: "desc" },
      take: 100,
      select: { id: true, type: true, at: true, payload: true, actorId: true },
    }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const actors = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    comments: comments.map((c) => ({ id: c.id, authorName: c.author.name, body: c.body, at: c.createdAt.toISOString() })),
    history: events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      actorName: e.actorId ? (names.get(e.actorId) ?? "A former user") : null,
      at: e.at.toISOString(),
      payload: (e.payload ?? {}) as Record<string, unknown>,
    })),
  };
}

