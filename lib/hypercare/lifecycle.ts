import "server-only";
import type { Tx } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/domain/errors";
import type { EventInput } from "@/lib/server/command";
import { defaultCriteria, exitBlockers } from "./criteria";
import { OVERRIDE_MIN } from "./schema";
import { DEFAULT_HYPERCARE_DAYS } from "./types";
import { loadHypercare } from "./queries";

// Entering and leaving hypercare, inside the lifecycle command's transaction (lib/signoff/go-decision.ts):
// the status move and the hypercare record commit together or not at all.

type Emit = (e: EventInput) => void;

/** LIVE -> HYPERCARE: the record with its planned end (14 days) and the default exit criteria. */
export async function startHypercareInTx(tx: Tx, launchId: string, emit: Emit, now = new Date()) {
  const existing = await tx.hypercare.findUnique({ where: { launchId }, select: { launchId: true } });
  if (existing) return;
  const plannedEndAt = new Date(now.getTime() + DEFAULT_HYPERCARE_DAYS * 86_400_000);
  await tx.hypercare.create({ data: { launchId, startedAt: now, plannedEndAt } });
  const hasCriteria = await tx.hypercareCriterion.count({ where: { launchId } });
  if (!hasCriteria) {
    await tx.hypercareCriterion.createMany({ data: defaultCriteria().map((c, position) => ({ ...c, launchId, position })) });
  }
  emit({ type: "hypercare.started", payload: { plannedEndAt: plannedEndAt.toISOString(), days: DEFAULT_HYPERCARE_DAYS } });
}

/**
 * HYPERCARE -> CLOSED, gated: refused while a Sev 1 is open or a criterion is unmet, unless the actor
 * (a manager: the lifecycle command authorized "launch.lifecycle") writes an override reason, which is
 * kept on the record with the blockers it overrode and in the event.
 * The incident and criterion rows are locked first, so nothing can open or change between the check and the close.
 */
export async function closeHypercareInTx(tx: Tx, launchId: string, actorId: string, overrideReason: string, emit: Emit, now = new Date()) {
  await tx.$executeRaw`SELECT 1 FROM incident WHERE launch_id = ${launchId} FOR UPDATE`;
  await tx.$executeRaw`SELECT 1 FROM hypercare_criterion WHERE launch_id = ${launchId} FOR UPDATE`;
  // A launch that entered hypercare before it was tracked gets its record now (its criteria then need an override).
  await startHypercareInTx(tx, launchId, emit, now);
  const view = await loadHypercare(launchId, tx);
  const record = view.hypercare!;
  const blockers = exitBlockers({ startedAt: new Date(record.startedAt), criteria: view.criteria, incidents: view.incidents, now });
  const reason = overrideReason.trim();
  if (blockers.length && !reason) {
    throw new ValidationError(
      `Hypercare cannot close yet: ${blockers.length === 1 ? blockers[0] : `${blockers.length} things are open (${blockers.join(" ")})`} A manager may close anyway with a written override reason on the Hypercare page.`,
      { overrideReason: ["Write why hypercare closes despite what is open"] },
    );
  }
  if (blockers.length && reason.length < OVERRIDE_MIN) {
    throw new ValidationError(`Write an override reason of at least ${OVERRIDE_MIN} characters: it is shown on the report and kept in the audit trail.`, {
      overrideReason: [`At least ${OVERRIDE_MIN} characters`],
    });
  }
  const overriding = blockers.length > 0;
  const { count } = await tx.hypercare.updateMany({
    where: { launchId, closedAt: null },
    data: { closedAt: now, closedById: actorId, overrideReason: overriding ? reason : null, overriddenBlockers: overriding ? blockers : [], version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError("Someone else closed hypercare at the same moment.");
  emit({ type: "hypercare.closed", payload: overriding ? { overrideReason: reason, overriddenBlockers: blockers } : { overrideReason: null } });
  return { overridden: overriding, blockers };
}
