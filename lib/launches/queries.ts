import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import { can, type Actor, type Role } from "@/lib/domain/roles";
import { loadReadiness } from "@/lib/readiness/load";

export type LaunchSummary = {
  readiness: "READY" | "AT_RISK" | "NOT_READY" | null;
  nextWindow: { start: string; environment: string } | null;
  id: string;
  name: string;
  system: string;
  status: string;
  timeZone: string;
  role: Role | null;
  memberCount: number;
  updatedAt: string;
};

export async function listMyLaunches(actor: Actor): Promise<LaunchSummary[]> {
  const rows = await db.launch.findMany({
    where: actor.isAdmin ? {} : { members: { some: { userId: actor.userId } } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      system: true,
      status: true,
      timeZone: true,
      updatedAt: true,
      members: { where: { userId: actor.userId }, select: { role: true } },
      _count: { select: { members: true } },
    },
  });
  const ids = rows.map((r) => r.id);
  // One query for every launch's next window; readiness per launch only for the first screenful.
  const windows = ids.length
    ? await db.deploymentWindow.findMany({
        where: { launchId: { in: ids }, status: { in: ["SCHEDULED", "IN_PROGRESS"] }, endsAt: { gt: new Date() } },
        orderBy: { startsAt: "asc" },
        select: { launchId: true, startsAt: true, environment: { select: { name: true } } },
      })
    : [];
  const next = new Map<string, { start: string; environment: string }>();
  for (const w of windows) if (!next.has(w.launchId)) next.set(w.launchId, { start: w.startsAt.toISOString(), environment: w.environment.name });
  const states = await Promise.all(
    ids.slice(0, 24).map((id) => loadReadiness(id).then((r) => r.dto.state, () => null)),
  );
  return rows.map((r, i) => ({
    readiness: states[i] ?? null,
    nextWindow: next.get(r.id) ?? null,
    id: r.id,
    name: r.name,
    system: r.system,
    status: r.status,
    timeZone: r.timeZone,
    role: (r.members[0]?.role as Role | undefined) ?? null,
    memberCount: r._count.members,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export type LaunchHeader = {
  id: string;
  name: string;
  system: string;
  description: string;
  status: string;
  timeZone: string;
  engineersEditAll: boolean;
  atRiskHours: number;
  role: Role | null;
};

/** The launch as `actor` may see it; NotFound when they may not (existence is not disclosed). */
export const getLaunchForActor = cache(async (actor: Actor, launchId: string): Promise<LaunchHeader> => {
  const launch = await db.launch.findUnique({
    where: { id: launchId },
    select: {
      id: true,
      name: true,
      system: true,
      description: true,
      status: true,
      timeZone: true,
      engineersEditAll: true,
      atRiskHours: true,
      members: { where: { userId: actor.userId }, select: { role: true } },
    },
  });
  const role = (launch?.members[0]?.role as Role | undefined) ?? null;
  if (!launch || !can(actor, { role }, "launch.view")) throw new NotFoundError("Launch not found, or you are not a member of it.");
  const { members: _m, ...rest } = launch;
  return { ...rest, role };
});

export type MemberRow = { id: string; userId: string; name: string; email: string; role: Role; since: string };

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

export type ActivityEntry = { id: string; type: string; at: string; actorName: string | null; payload: Record<string, unknown> };

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
