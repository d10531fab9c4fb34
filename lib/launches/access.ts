import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { NotFoundError } from "@/lib/domain/errors";
import { can, type Actor, type Role } from "@/lib/domain/roles";
import type { LaunchMetaDTO } from "./view-types";
import { idSchema } from "@/lib/validation/text";
import { Prisma } from "@/lib/generated/prisma/client";

type AccessSqlRow = Omit<LaunchAccessRow, "role"> & { role: string | null };

// THE rule for who may see a launch and with which role: pages (getLaunchForActor), commands
// (runLaunchCommand, inside their transaction), route handlers and the live stream all ask here.

/** The launch's header as the viewer may see it, with their role and what commands need of the launch. */
export type LaunchAccessRow = Omit<LaunchMetaDTO, "goOverride"> & { engineersEditAll: boolean; atRiskHours: number; role: Role | null };

const NOT_FOUND = "Launch not found, or you are not a member of it.";

/**
 * The launch as `actor` may see it, or NotFound (a launch's existence is not disclosed). With `lock`
 * (inside a command's transaction) the actor's membership row is read FOR SHARE, so a concurrent removal
 * or demotion waits for the command to commit instead of slipping past its authorization.
 */
export async function resolveLaunchAccess(actor: Actor, launchId: string, opts: { tx?: Tx; lock?: boolean } = {}): Promise<LaunchAccessRow> {
  // A malformed id (a NUL from a URL, 1 MB of text) names no launch; Postgres would refuse a NUL with an error.
  if (!idSchema.safeParse(launchId).success) throw new NotFoundError(NOT_FOUND);
  // One round trip: the launch and the actor's membership, which a command locks FOR SHARE.
  const rows = await (opts.tx ?? db).$queryRaw<AccessSqlRow[]>`
    SELECT l.id, l.name, l.system, l.description, l.status::text AS status, l.time_zone AS "timeZone",
           l.engineers_edit_all AS "engineersEditAll", l.at_risk_hours AS "atRiskHours", l.engineers_take AS "engineersTake", m.role
      FROM "launch" l
      LEFT JOIN LATERAL (
        SELECT role::text AS role FROM "member" WHERE launch_id = l.id AND user_id = ${actor.userId}
        ${opts.lock && opts.tx ? Prisma.sql`FOR SHARE` : Prisma.empty}
      ) m ON true
     WHERE l.id = ${launchId}`;
  if (rows.length === 0) throw new NotFoundError(NOT_FOUND);
  const { role: memberRole, ...launch } = rows[0];
  const role = (memberRole as Role | null) ?? null;
  if (!can(actor, { role }, "launch.view")) throw new NotFoundError(NOT_FOUND);
  return { ...launch, role };
}

/** For the live stream: the viewer's role, or null when they may not see the launch. */
export async function streamRole(actor: Actor, launchId: string): Promise<{ role: Role | null } | null> {
  try {
    const { role } = await resolveLaunchAccess(actor, launchId);
    return { role };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** What the live access sweep learns of one (launch, user) pair: may they still see it, and as what. */
export type StreamVerdict = { role: Role | null; isAdmin: boolean } | null;

/** Pairs one sweep statement checks at most; a sweep of more runs several. */
export const SWEEP_CHUNK = 1_000;

/**
 * The access rule above for many open streams at once (the listener's sweep, lib/live/listener.ts): for
 * each (launch, user) pair, the role and admin flag now, or null when the launch is gone, the user may no
 * longer see it (removed, no longer an admin) or the account is deactivated. One statement per
 * SWEEP_CHUNK pairs, whatever the number of streams each pair holds open.
 */
export async function streamVerdicts(pairs: readonly { launchId: string; userId: string }[]): Promise<Map<string, StreamVerdict>> {
  const out = new Map<string, StreamVerdict>();
  for (let i = 0; i < pairs.length; i += SWEEP_CHUNK) {
    const chunk = pairs.slice(i, i + SWEEP_CHUNK);
    const rows = await db.$queryRaw<{ launchId: string; userId: string; role: string | null; isAdmin: boolean | null; deactivated: boolean | null; launchExists: boolean }[]>`
      SELECT k.launch_id AS "launchId", k.user_id AS "userId", m.role::text AS role, u.is_admin AS "isAdmin",
             u.deactivated_at IS NOT NULL AS deactivated, l.id IS NOT NULL AS "launchExists"
        FROM unnest(${chunk.map((p) => p.launchId)}::text[], ${chunk.map((p) => p.userId)}::text[]) AS k(launch_id, user_id)
        LEFT JOIN "launch" l ON l.id = k.launch_id
        LEFT JOIN "member" m ON m.launch_id = k.launch_id AND m.user_id = k.user_id
        LEFT JOIN "user" u ON u.id = k.user_id`;
    for (const r of rows) {
      const role = (r.role as Role | null) ?? null;
      const actor = { userId: r.userId, isAdmin: r.isAdmin === true };
      const sees = r.launchExists && r.isAdmin !== null && !r.deactivated && can(actor, { role }, "launch.view");
      out.set(verdictKey(r.launchId, r.userId), sees ? { role, isAdmin: actor.isAdmin } : null);
    }
  }
  return out;
}

export const verdictKey = (launchId: string, userId: string) => `${launchId}\u0000${userId}`;

