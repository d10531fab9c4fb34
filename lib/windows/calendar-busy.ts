import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/roles";
import type { CalendarWindowItem } from "./calendar-items";

/**
 * Busy blocks for a manager's calendar: windows holding (scheduled or in progress) the environments the
 * manager's launches use, from launches the manager cannot see. They carry the environment and the busy
 * range only (no launch, no window id, no link), so a clash can be foreseen without disclosing the other
 * team's work. Admins see every window already, so they get none.
 */
export async function busyBlocks(actor: Actor, range: { start: Date; end: Date }, environmentId: string | null): Promise<CalendarWindowItem[]> {
  if (actor.isAdmin) return [];
  const managed = await db.deploymentWindow.findMany({
    where: { launch: { members: { some: { userId: actor.userId, role: "MANAGER" } } }, ...(environmentId ? { environmentId } : {}) },
    distinct: ["environmentId"],
    select: { environmentId: true },
  });
  if (managed.length === 0) return [];
  const rows = await db.deploymentWindow.findMany({
    where: {
      environmentId: { in: managed.map((m) => m.environmentId) },
      status: { in: ["SCHEDULED", "IN_PROGRESS"] },
      launch: { members: { none: { userId: actor.userId } } },
      endsAt: { gt: range.start },
      startsAt: { lt: range.end },
    },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: { startsAt: true, endsAt: true, environment: { select: { name: true } } },
  });
  return rows.map((w, i) => ({
    // An opaque key, not the window's id.
    id: `busy-${i}-${w.startsAt.getTime()}`,
    launchId: "",
    launchName: "Busy",
    environment: w.environment.name,
    start: w.startsAt.toISOString(),
    end: w.endsAt.toISOString(),
    timeZone: "UTC",
    status: "SCHEDULED",
    clash: false,
    inFreeze: false,
    overridden: false,
    busy: true,
  }));
}
