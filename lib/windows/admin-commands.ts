import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runCommand } from "@/lib/server/command";
import type { createEnvironmentSchema, deleteFreezeSchema } from "./actions.schema";
import { describeFreeze, freezeFromRow } from "./freeze";
import { horizonError } from "./horizon";
import { env as appEnv } from "@/lib/env";
import type { FreezeData } from "./window.schema";

// Environments and freezes belong to the whole instance, so only instance admins change them. The
// check runs inside the command (not only on the admin page), and each change is an instance-wide
// event (launch id null) in the audit trail.

/** Read in the transaction, so an admin demoted a moment ago is already refused. */
async function requireAdmin(tx: Tx, actor: Actor, what: string) {
  const user = actor.isAdmin ? await tx.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true } }) : null;
  if (!user?.isAdmin) throw new ForbiddenError(`Only instance admins can ${what}.`);
}

export async function createEnvironment(actor: Actor, input: z.output<typeof createEnvironmentSchema>) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await requireAdmin(tx, actor, "add environments");
    const existing = await tx.environment.findUnique({ where: { name: input.name }, select: { id: true } });
    if (existing) throw new ConflictError(`An environment named ${input.name} already exists.`);
    const env = await tx.environment.create({ data: { name: input.name, description: input.description }, select: { id: true, name: true } });
    emit(null, { type: "environment.created", payload: { environmentId: env.id, environment: env.name } });
    return env;
  });
  return result;
}

export async function createFreeze(actor: Actor, input: FreezeData) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await requireAdmin(tx, actor, "create freezes");
    if (input.kind === "ONE_OFF") {
      const { LIFTOFF_HORIZON_PAST_DAYS: pastDays, LIFTOFF_HORIZON_FUTURE_YEARS: futureYears } = appEnv();
      const outside = horizonError({ start: input.startsAt, end: input.endsAt }, new Date(), { pastDays, futureYears }, "freeze");
      if (outside) throw new ValidationError(Object.values(outside)[0][0] + ".", outside);
    }
    const env = input.environmentId
      ? await tx.environment.findUnique({ where: { id: input.environmentId }, select: { id: true, name: true } })
      : null;
    if (input.environmentId && !env) throw new ValidationError("That environment no longer exists.", { environmentId: ["Unknown environment"] });
    const row = await tx.freeze.create({
      data: {
        environmentId: env?.id ?? null,
        kind: input.kind,
        reason: input.reason,
        timeZone: input.timeZone,
        createdById: actor.userId,
        ...(input.kind === "ONE_OFF"
          ? { startsAt: input.startsAt, endsAt: input.endsAt }
          : { weekdays: input.weekdays, startTime: input.startTime, endTime: input.endTime }),
      },
    });
    const description = describeFreeze(freezeFromRow(row));
    emit(null, { type: "freeze.created", payload: { freezeId: row.id, environment: env?.name ?? null, description, reason: input.reason } });
    return { id: row.id, description };
  });
  return result;
}

export async function deleteFreeze(actor: Actor, input: z.output<typeof deleteFreezeSchema>) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await requireAdmin(tx, actor, "delete freezes");
    const row = await tx.freeze.findUnique({ where: { id: input.freezeId }, include: { environment: { select: { name: true } } } });
    if (!row) throw new NotFoundError("That freeze was already deleted.");
    await tx.freeze.delete({ where: { id: row.id } });
    emit(null, {
      type: "freeze.deleted",
      payload: { freezeId: row.id, environment: row.environment?.name ?? null, description: describeFreeze(freezeFromRow(row)), reason: row.reason },
    });
    return { id: row.id };
  });
  return result;
}
