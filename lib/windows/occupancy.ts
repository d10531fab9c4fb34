import "server-only";
import type { db, Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/domain/errors";
import { can, type Actor, type Role } from "@/lib/domain/roles";
import { clashMessage } from "./describe";
import { expandFreeze, freezeFromRow, freezesHitting, type Freeze } from "./freeze";
import { findClash, nextFreeSlot, type ExistingWindow } from "./intervals";
import type { WindowStatus } from "./lifecycle";

// What holds an environment (scheduled and running windows, freezes) read from the database, and the
// clash error built from it. Used inside a command's transaction for the pre-check, and after a
// rolled-back one when the exclusion constraint refused the write.

type Reader = Tx | typeof db;
type Candidate = { id?: string; environmentId: string; start: Date; end: Date };
/** launchName is null when the viewer may not see that window's launch. */
export type OccupyingWindow = ExistingWindow & { launchName: string | null; environment: string };

const HORIZON_DAYS = 90;
const DAY = 86_400_000;
// Windows last at most 7 days, so a 98-day search reads a bounded number of rows; the cap only guards
// against a pathological table, keeping the sweep's work bounded whatever is stored.
const MAX_WINDOWS_READ = 2000;

export async function occupyingWindows(r: Reader, environmentId: string, from: Date, to: Date, viewer: Actor): Promise<OccupyingWindow[]> {
  const rows = await r.deploymentWindow.findMany({
    where: { environmentId, status: { in: ["SCHEDULED", "IN_PROGRESS"] }, endsAt: { gt: from }, startsAt: { lt: to } },
    orderBy: { startsAt: "asc" },
    take: MAX_WINDOWS_READ,
    select: {
      id: true,
      environmentId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      launch: { select: { name: true, members: { where: { userId: viewer.userId }, select: { role: true } } } },
      environment: { select: { name: true } },
    },
  });
  return rows.map((w) => {
    const visible = can(viewer, { role: (w.launch.members[0]?.role as Role | undefined) ?? null }, "launch.view");
    const launchName = visible ? w.launch.name : null;
    return {
      id: w.id,
      environmentId: w.environmentId,
      start: w.startsAt,
      end: w.endsAt,
      status: w.status as WindowStatus,
      label: launchName ?? "Busy",
      launchName,
      environment: w.environment.name,
    };
  });
}

/** Freezes that apply to `environmentId`: its own and the instance-wide ones. */
export async function freezesFor(r: Reader, environmentId: string): Promise<Freeze[]> {
  const rows = await r.freeze.findMany({ where: { OR: [{ environmentId }, { environmentId: null }] }, orderBy: { createdAt: "asc" } });
  return rows.map(freezeFromRow);
}

export async function freezeHitsFor(r: Reader, candidate: Candidate) {
  return freezesHitting(candidate, await freezesFor(r, candidate.environmentId));
}

export type ClashDetail = { clashWindowId: string | null; suggestion: string | null };

/**
 * The ConflictError for `candidate`, or null when nothing scheduled overlaps it. The suggested slot
 * avoids both other windows and freeze occurrences, and never lies in the past. Bounded work whatever
 * the dates: the search spans HORIZON_DAYS from max(start, now), and freezes are expanded over that span only.
 * A clashing window of a launch `viewer` cannot see is described by its busy range alone (no name, no id).
 */
export async function clashError(r: Reader, candidate: Candidate, zone: string, viewer: Actor, now = new Date()): Promise<ConflictError<ClashDetail> | null> {
  const searchFrom = Math.max(candidate.start.getTime(), now.getTime());
  const searchTo = searchFrom + (HORIZON_DAYS + 8) * DAY;
  const from = candidate.start;
  const to = new Date(Math.max(candidate.end.getTime(), searchTo));
  const windows = (await occupyingWindows(r, candidate.environmentId, from, to, viewer)).filter((w) => w.id !== candidate.id);
  const clash = findClash(candidate, windows);
  if (!clash) return null;
  const freezes = (await freezesFor(r, candidate.environmentId)).flatMap((f) => expandFreeze(f, new Date(searchFrom), new Date(searchTo)));
  const suggestion = nextFreeSlot({
    desiredStart: candidate.start,
    durationMs: candidate.end.getTime() - candidate.start.getTime(),
    busy: windows,
    freezes,
    notBefore: now,
    horizonDays: HORIZON_DAYS,
  });
  return new ConflictError(clashMessage(clash, suggestion, zone), {
    clashWindowId: clash.launchName === null ? null : clash.id,
    suggestion: suggestion?.toISOString() ?? null,
  });
}

/**
 * SQLSTATE 23P01 (exclusion_violation) from window_no_overlap. Prisma 7 with adapter-pg reports it as a
 * known request error (P2039 "Database error", P2010 for raw queries) whose meta.driverAdapterError.cause
 * carries the original Postgres code; the walk also accepts a bare pg error.
 */
export function isExclusionViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (o.originalCode === "23P01" || o.code === "23P01") return true;
    e = o.meta?.driverAdapterError ?? o.cause;
  }
  return false;
}
