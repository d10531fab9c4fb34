import "server-only";
import type { WindowDto, EnvironmentDto, FreezeDto } from "./dto";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatRange } from "./describe";
import { describeFreeze, freezeFromRow, freezesHitting, type Freeze } from "./freeze";
import { findClash, overlaps } from "./intervals";
import { occupiesEnvironment, type WindowStatus } from "./lifecycle";
import { occupyingWindows } from "./occupancy";
import { instantToWallClock } from "./wall-clock";
import type { FreezeFormValues } from "./actions.schema";

// Read side of windows: plain DTOs (ISO strings) for pages, feeds and readiness.

const SELECT = {
  id: true,
  launchId: true,
  environmentId: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  checkpointAt: true,
  pointOfNoReturnAt: true,
  notes: true,
  status: true,
  actualStartAt: true,
  actualEndAt: true,
  freezeOverrideReason: true,
  version: true,
  launch: { select: { name: true } },
  environment: { select: { name: true } },
} as const;
type Row = Prisma.DeploymentWindowGetPayload<{ select: typeof SELECT }>;

// A viewer who is a member of nothing: every other launch stays anonymous.
const NOBODY: Actor = { userId: "", isAdmin: false };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function allFreezes(): Promise<Freeze[]> {
  return (await db.freeze.findMany({ orderBy: { createdAt: "asc" } })).map(freezeFromRow);
}

/**
 * DTOs with their freeze hits and, for windows not holding the environment, what they would clash with.
 * The clashing launch is named only to a `viewer` who may see it; otherwise "another launch's window".
 */
async function toDtos(rows: Row[], freezes: readonly Freeze[], viewer: Actor | null): Promise<WindowDto[]> {
  const live = rows.filter((r) => r.status === "PROPOSED");
  const span = live.length ? { from: new Date(Math.min(...live.map((r) => +r.startsAt))), to: new Date(Math.max(...live.map((r) => +r.endsAt))) } : null;
  const byEnv = new Map<string, Awaited<ReturnType<typeof occupyingWindows>>>();
  for (const envId of new Set(live.map((r) => r.environmentId))) byEnv.set(envId, await occupyingWindows(db, envId, span!.from, span!.to, viewer ?? NOBODY));
  return rows.map((r) => {
    const interval = { start: r.startsAt, end: r.endsAt, environmentId: r.environmentId };
    const active = r.status === "PROPOSED" || occupiesEnvironment(r.status as WindowStatus);
    const hits = active ? freezesHitting(interval, freezes) : [];
    const clash = r.status === "PROPOSED" ? findClash({ ...interval, id: r.id }, byEnv.get(r.environmentId) ?? []) : null;
    return {
      id: r.id,
      launchId: r.launchId,
      launchName: r.launch.name,
      environmentId: r.environmentId,
      environment: r.environment.name,
      start: r.startsAt.toISOString(),
      end: r.endsAt.toISOString(),
      timeZone: r.timeZone,
      checkpoint: iso(r.checkpointAt),
      pointOfNoReturn: iso(r.pointOfNoReturnAt),
      notes: r.notes,
      status: r.status as WindowStatus,
      actualStart: iso(r.actualStartAt),
      actualEnd: iso(r.actualEndAt),
      freezeOverrideReason: r.freezeOverrideReason,
      version: r.version,
      freezes: [...new Set(hits.map((h) => `${describeFreeze(h.freeze)} (${h.freeze.reason})`))],
      clash: clash ? `${clash.launchName ?? "another launch's window"} on ${clash.environment}, ${formatRange(clash.start, clash.end, r.timeZone)}` : null,
    };
  });
}

export async function listLaunchWindows(launchId: string, viewer: Actor | null = null): Promise<WindowDto[]> {
  const rows = await db.deploymentWindow.findMany({ where: { launchId }, orderBy: { startsAt: "asc" }, select: SELECT });
  return toDtos(rows, await allFreezes(), viewer);
}

/** Windows of launches the actor is a member of (admins: every launch) overlapping [from, to). */
export async function visibleWindows(actor: Actor, range: { from: Date; to: Date }, opts: { environmentId?: string; includeCancelled?: boolean } = {}) {
  const rows = await db.deploymentWindow.findMany({
    where: {
      ...(actor.isAdmin ? {} : { launch: { members: { some: { userId: actor.userId } } } }),
      ...(opts.environmentId ? { environmentId: opts.environmentId } : {}),
      ...(opts.includeCancelled ? {} : { status: { not: "CANCELLED" } }),
      endsAt: { gt: range.from },
      startsAt: { lt: range.to },
    },
    orderBy: { startsAt: "asc" },
    select: SELECT,
  });
  return toDtos(rows, await allFreezes(), actor);
}

export async function listEnvironments(): Promise<EnvironmentDto[]> {
  return db.environment.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, description: true, version: true } });
}

export type ReadinessWindowInfo = {
  window: { id: string; status: WindowStatus; environment: string; start: string; end: string; timeZone: string } | null;
  /** The window falls in a freeze and nobody overrode it with a reason: readiness should flag it. */
  freezeWithoutOverride: boolean;
  freezes: string[];
};

/** The launch's next SCHEDULED / IN_PROGRESS window (or null) and whether it sits in an un-overridden freeze. */
export async function getReadinessWindowInfo(launchId: string, now = new Date()): Promise<ReadinessWindowInfo> {
  const row = await db.deploymentWindow.findFirst({
    where: { launchId, status: { in: ["SCHEDULED", "IN_PROGRESS"] }, endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: SELECT,
  });
  if (!row) return { window: null, freezeWithoutOverride: false, freezes: [] };
  const [dto] = await toDtos([row], await allFreezes(), null);
  return {
    window: { id: dto.id, status: dto.status, environment: dto.environment, start: dto.start, end: dto.end, timeZone: dto.timeZone },
    freezeWithoutOverride: dto.freezes.length > 0 && !dto.freezeOverrideReason,
    freezes: dto.freezes,
  };
}

/** Pairs of visible active windows sharing an environment and overlapping (only proposals can, by the constraint). */
export function clashingIds(windows: readonly WindowDto[]): Set<string> {
  const ids = new Set<string>();
  const active = windows.filter((w) => w.status === "PROPOSED" || occupiesEnvironment(w.status));
  for (const a of active) {
    if (a.clash) ids.add(a.id);
    for (const b of active) {
      if (a.id < b.id && a.environmentId === b.environmentId && overlaps(toInterval(a), toInterval(b))) ids.add(a.id).add(b.id);
    }
  }
  return ids;
}
const toInterval = (w: WindowDto) => ({ start: new Date(w.start), end: new Date(w.end) });

export async function listFreezes(): Promise<FreezeDto[]> {
  const rows = await db.freeze.findMany({ orderBy: { createdAt: "asc" }, include: { environment: { select: { name: true } } } });
  return rows.map((row) => {
    const f = freezeFromRow(row);
    return { id: f.id, kind: f.kind, description: describeFreeze(f), reason: f.reason, environment: row.environment?.name ?? null, version: row.version, form: freezeFormValues(f, row.version) };
  });
}

/** What the edit form is prefilled with: one-off instants back on the freeze zone's wall clock, as typed. */
export function freezeFormValues(f: Freeze, version: number): FreezeFormValues {
  const wall = (d: Date) => instantToWallClock(d, f.timeZone).replace("T", " ");
  const common = { freezeId: f.id, version, reason: f.reason, environmentId: f.environmentId ?? "", timeZone: f.timeZone };
  return f.kind === "ONE_OFF"
    ? { ...common, kind: "ONE_OFF", start: wall(f.startsAt), end: wall(f.endsAt), weekdays: [], startTime: "", endTime: "" }
    : { ...common, kind: "WEEKLY", start: "", end: "", weekdays: [...f.weekdays], startTime: f.startTime, endTime: f.endTime };
}

export type { WindowDto, EnvironmentDto, FreezeDto };
