import "server-only";
import type { ActivityEntry, LaunchSummary, MemberRow } from "./dto";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/domain/roles";
import { resolveLaunchAccess, type LaunchAccessRow } from "./access";
import { loadReadinessMany } from "@/lib/readiness/load";
import { anchorWindow } from "@/lib/windows/measured";
import type { LaunchCursor } from "./list-cursor";


const LATEST_GO = { orderBy: { createdAt: "desc" as const }, take: 1, select: { outcome: true, overrideReason: true } };
/** The reason of the GO by override a launch is in, if it is (its latest go decision overrode gates). */
export const goOverrideOf = (status: string, latest: { outcome: string; overrideReason: string | null }[]) =>
  status === "GO" && latest[0]?.outcome === "GO" ? latest[0].overrideReason : null;

/** Launches per page of the list: each card costs its readiness, so a page is bounded, whatever the instance holds. */
export const LAUNCHES_PAGE = 30;

export type LaunchPage = { launches: LaunchSummary[]; older: LaunchCursor | null };

/**
 * The launches `actor` may see (all of them for an instance admin), most recently active first, one page
 * at a time: after `before` when given, at most `limit`, only `ids` when given (an API token's launches).
 * `older` is where the next page starts, or null on the last.
 */
export async function listMyLaunches(
  actor: Actor,
  opts: { before?: LaunchCursor | null; limit?: number; ids?: readonly string[] } = {},
): Promise<LaunchPage> {
  const limit = opts.limit ?? LAUNCHES_PAGE;
  const { before, ids } = opts;
  const found = await db.launch.findMany({
    where: {
      AND: [
        actor.isAdmin ? {} : { members: { some: { userId: actor.userId } } },
        ids ? { id: { in: [...ids] } } : {},
        before ? { OR: [{ updatedAt: { lt: before.updatedAt } }, { updatedAt: before.updatedAt, id: { lt: before.id } }] } : {},
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      name: true,
      system: true,
      status: true,
      timeZone: true,
      updatedAt: true,
      members: { where: { userId: actor.userId }, select: { role: true } },
      goDecisions: LATEST_GO,
      _count: { select: { members: true } },
    },
  });
  const rows = found.slice(0, limit);
  const last = rows[rows.length - 1];
  const older = found.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null;
  const pageIds = rows.map((r) => r.id);
  // A constant number of queries whatever the number of launches: windows once, readiness batched.
  const now = new Date();
  const windows = pageIds.length
    ? await db.deploymentWindow.findMany({
        where: { launchId: { in: pageIds }, status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
        select: { launchId: true, status: true, startsAt: true, endsAt: true, environment: { select: { name: true } } },
      })
    : [];
  const byLaunch = new Map<string, typeof windows>();
  for (const w of windows) {
    const own = byLaunch.get(w.launchId);
    if (own) own.push(w);
    else byLaunch.set(w.launchId, [w]);
  }
  const next = new Map<string, { start: string; environment: string }>();
  for (const id of pageIds) {
    const w = anchorWindow((byLaunch.get(id) ?? []).map((w) => ({ ...w, start: w.startsAt, end: w.endsAt })), now);
    if (w) next.set(id, { start: w.startsAt.toISOString(), environment: w.environment.name });
  }
  const readiness = await loadReadinessMany(pageIds, undefined, now).catch(() => new Map<string, never>());
  const states = pageIds.map((id) => readiness.get(id)?.dto.state ?? null);
  const launches = rows.map((r, i) => ({
    readiness: states[i] ?? null,
    nextWindow: next.get(r.id) ?? null,
    id: r.id,
    name: r.name,
    system: r.system,
    status: r.status,
    goOverride: goOverrideOf(r.status, r.goDecisions),
    timeZone: r.timeZone,
    role: (r.members[0]?.role as Role | undefined) ?? null,
    memberCount: r._count.members,
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { launches, older };
}

export type LaunchHeader = LaunchAccessRow;

/** The launch as `actor` may see it; NotFound when they may not (lib/launches/access.ts decides). */
export const getLaunchForActor = cache((actor: Actor, launchId: string): Promise<LaunchHeader> => resolveLaunchAccess(actor, launchId));

export async function listMembers(launchId: string): Promise<MemberRow[]> {
  const rows = await db.member.findMany({
    where: { launchId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((m) => ({
    id: m.id,
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role as Role,
    since: m.createdAt.toISOString(),
  }));
}

export async function listActivity(launchId: string, opts: { limit?: number; beforeId?: string } = {}): Promise<ActivityEntry[]> {
  const rows = await db.event.findMany({
    where: { launchId, ...(opts.beforeId ? { id: { lt: BigInt(opts.beforeId) } } : {}) },
    orderBy: { id: "desc" },
    take: opts.limit ?? 30,
    select: { id: true, type: true, at: true, payload: true, actorId: true },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id.toString(),
    type: r.type,
    at: r.at.toISOString(),
    actorName: r.actorId ? (names.get(r.actorId) ?? "A former user") : null,
    payload: (r.payload ?? {}) as Record<string, unknown>,
  }));
}

export type { ActivityEntry, LaunchSummary, MemberRow };
