import "server-only";
import type { GoDecisionView, ChangeEntry } from "./dto";
import { db } from "@/lib/db/client";
import { parseReadinessDTO } from "@/lib/readiness/dto";

// Read models for the go/no-go meeting: the decision history and what changed since the last sign-off.

export async function listGoDecisions(launchId: string): Promise<GoDecisionView[]> {
  const rows = await db.goDecision.findMany({
    where: { launchId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, outcome: true, notes: true, overrideReason: true, nextStep: true, createdAt: true, snapshot: true,
      decidedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => {
    const snapshot = parseReadinessDTO(r.snapshot);
    return {
      id: r.id,
      outcome: r.outcome,
      notes: r.notes,
      overrideReason: r.overrideReason,
      nextStep: r.nextStep,
      decidedBy: r.decidedBy.name,
      createdAt: r.createdAt.toISOString(),
      readinessAtDecision: snapshot?.state ?? null,
      reasonsAtDecision: snapshot?.reasons.map((x) => x.message) ?? [],
    };
  });
}

/** Events after the most recent sign-off still standing (live or gone stale): what nobody has signed against. */
export async function changesSinceLastSignoff(launchId: string, limit = 50): Promise<{ since: string | null; entries: ChangeEntry[] }> {
  const last = await db.signoffDecision.findFirst({
    where: { launchId, withdrawnAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (!last) return { since: null, entries: [] };
  const rows = await db.event.findMany({
    // Sign-off bookkeeping is not a change to the launch; the decision that opened the list is not either.
    where: { launchId, at: { gt: last.createdAt }, type: { notIn: ["signoff.decided", "signoff.withdrawn"] } },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, type: true, at: true, payload: true, actorId: true },
  });
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    since: last.createdAt.toISOString(),
    entries: rows.map((r) => ({
      id: r.id.toString(),
      type: r.type,
      at: r.at.toISOString(),
      actorName: r.actorId ? (names.get(r.actorId) ?? "A former user") : null,
      payload: (r.payload ?? {}) as Record<string, unknown>,
    })),
  };
}

export type { GoDecisionView, ChangeEntry };
