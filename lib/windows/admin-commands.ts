import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runCommand } from "@/lib/server/command";
import type { createEnvironmentSchema, deleteFreezeSchema, updateEnvironmentSchema, UpdateFreezeData } from "./actions.schema";
import { describeFreeze, freezeFromRow, freezesHitting, type Freeze } from "./freeze";
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

/** Renames or redescribes an environment against the version the admin last saw (stale: CONFLICT). */
export async function updateEnvironment(actor: Actor, input: z.output<typeof updateEnvironmentSchema>) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await requireAdmin(tx, actor, "edit environments");
    const before = await tx.environment.findUnique({ where: { id: input.environmentId }, select: { id: true, name: true, description: true, version: true } });
    if (!before) throw new NotFoundError("That environment no longer exists.");
    const stale = (row: { name: string; description: string; version: number }) =>
      new ConflictError(`Someone changed this environment meanwhile: it is now ${row.name}${row.description ? ` (${row.description})` : ""}. Your edit was not saved; check it, then save again.`, row);
    if (before.version !== input.version) throw stale(before);
    const fields = (["name", "description"] as const).filter((k) => input[k] !== before[k]);
    if (fields.length === 0) return { id: before.id, name: before.name, version: before.version, unchanged: true };
    if (fields.includes("name") && (await tx.environment.findUnique({ where: { name: input.name }, select: { id: true } }))) {
      throw new ConflictError(`An environment named ${input.name} already exists.`);
    }
    const { count } = await tx.environment.updateMany({
      where: { id: before.id, version: input.version },
      data: { name: input.name, description: input.description, version: { increment: 1 } },
    });
    if (count !== 1) {
      const current = await tx.environment.findUnique({ where: { id: before.id }, select: { id: true, name: true, description: true, version: true } });
      throw current ? stale(current) : new NotFoundError("That environment no longer exists.");
    }
    emit(null, { type: "environment.updated", payload: { environmentId: before.id, environment: input.name, fields, from: { environment: before.name, description: before.description } } });
    return { id: before.id, name: input.name, version: before.version + 1, unchanged: false };
  });
  return result;
}

/**
 * The rules a freeze passes whether created or edited: a one-off range within the horizon, an environment
 * that still exists. Returns the row's fields (the other kind's columns cleared) and the environment.
 */
async function freezeFields(tx: Tx, input: FreezeData, before?: { startsAt: Date | null; endsAt: Date | null }) {
  // An edit that keeps a one-off range as it was (fixing the reason of a freeze now long past) is not
  // judged against today's horizon again; a new or moved range is.
  const sameRange = before?.startsAt && before.endsAt && input.kind === "ONE_OFF" && sameInstant(before.startsAt, input.startsAt) && sameInstant(before.endsAt, input.endsAt);
  if (input.kind === "ONE_OFF" && !sameRange) {
    const { LIFTOFF_HORIZON_PAST_DAYS: pastDays, LIFTOFF_HORIZON_FUTURE_YEARS: futureYears } = appEnv();
    const outside = horizonError({ start: input.startsAt, end: input.endsAt }, new Date(), { pastDays, futureYears }, "freeze");
    if (outside) throw new ValidationError(Object.values(outside)[0][0] + ".", outside);
  }
  const env = input.environmentId
    ? await tx.environment.findUnique({ where: { id: input.environmentId }, select: { id: true, name: true } })
    : null;
  if (input.environmentId && !env) throw new ValidationError("That environment no longer exists.", { environmentId: ["Unknown environment"] });
  const data = {
    environmentId: env?.id ?? null,
    kind: input.kind,
    reason: input.reason,
    timeZone: input.timeZone,
    ...(input.kind === "ONE_OFF"
      ? { startsAt: input.startsAt, endsAt: input.endsAt, weekdays: [], startTime: null, endTime: null }
      : { startsAt: null, endsAt: null, weekdays: input.weekdays, startTime: input.startTime, endTime: input.endTime }),
  };
  return { data, env };
}

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

const LOOKAHEAD_MS = 366 * 86_400_000;

/**
 * Scheduled and running windows of the coming year that `freeze` covers. Creating or moving a freeze
 * never moves a window (only scheduling into one is refused), but those windows' launches now read
 * "falls in a freeze" on their readiness, so the admin is told how many.
 */
async function windowsCaughtBy(tx: Tx, freeze: Freeze, now = new Date()) {
  const windows = await tx.deploymentWindow.findMany({
    where: {
      status: { in: ["SCHEDULED", "IN_PROGRESS"] },
      endsAt: { gt: now },
      startsAt: { lt: new Date(now.getTime() + LOOKAHEAD_MS) },
      ...(freeze.environmentId ? { environmentId: freeze.environmentId } : {}),
    },
    select: { environmentId: true, startsAt: true, endsAt: true, freezeOverrideReason: true },
    take: 1000,
  });
  return windows.filter((w) => !w.freezeOverrideReason && freezesHitting({ start: w.startsAt, end: w.endsAt, environmentId: w.environmentId }, [freeze]).length > 0).length;
}

export async function createFreeze(actor: Actor, input: FreezeData) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await requireAdmin(tx, actor, "create freezes");
    const { data, env } = await freezeFields(tx, input);
    const row = await tx.freeze.create({ data: { ...data, createdById: actor.userId } });
    const freeze = freezeFromRow(row);
    const description = describeFreeze(freeze);
    emit(null, { type: "freeze.created", payload: { freezeId: row.id, environment: env?.name ?? null, description, reason: input.reason } });
    return { id: row.id, version: row.version, description, windowsCaught: await windowsCaughtBy(tx, freeze) };
  });
  return result;
}

/**
 * Edits a freeze with the same rules as creating one, against the version the admin last saw: a stale
 * version (someone edited it meanwhile) is a CONFLICT naming what it is now, and nothing is written.
 */
export async function updateFreeze(actor: Actor, input: UpdateFreezeData) {
  const { result } = await runCommand(actor, async ({ tx, emit }) => {
    await requireAdmin(tx, actor, "edit freezes");
    const before = await tx.freeze.findUnique({ where: { id: input.freezeId }, include: { environment: { select: { name: true } } } });
    if (!before) throw new NotFoundError("That freeze was deleted meanwhile.");
    if (before.version !== input.version) throw staleFreeze(before);
    const { data, env } = await freezeFields(tx, input, before);
    const was = describeFreeze(freezeFromRow(before));
    const fields = FREEZE_FIELDS.filter((k) => !sameValue(data[k], before[k]));
    if (fields.length === 0) return { id: before.id, version: before.version, description: was, windowsCaught: null, unchanged: true };
    // The version in the WHERE: of two admins saving the same version at once, exactly one wins.
    const { count } = await tx.freeze.updateMany({ where: { id: before.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) {
      // Lost the race: the winner committed between our read and our write. Name what it saved.
      const current = await tx.freeze.findUnique({ where: { id: before.id }, include: { environment: { select: { name: true } } } });
      throw current ? staleFreeze(current) : new NotFoundError("That freeze was deleted meanwhile.");
    }
    const row = await tx.freeze.findUniqueOrThrow({ where: { id: before.id } });
    const freeze = freezeFromRow(row);
    const description = describeFreeze(freeze);
    emit(null, {
      type: "freeze.updated",
      payload: {
        freezeId: row.id,
        environment: env?.name ?? null,
        description,
        reason: row.reason,
        fields,
        from: { environment: before.environment?.name ?? null, description: was, reason: before.reason },
      },
    });
    return { id: row.id, version: row.version, description, windowsCaught: await windowsCaughtBy(tx, freeze), unchanged: false };
  });
  return result;
}

// Dates by instant (String(date) drops milliseconds), arrays by their elements, the rest as is.
const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? sameInstant(a, b) : Array.isArray(a) && Array.isArray(b) ? a.join(",") === b.join(",") : a === b;

const FREEZE_FIELDS = ["environmentId", "kind", "reason", "timeZone", "startsAt", "endsAt", "weekdays", "startTime", "endTime"] as const;

type FreezeRow = Parameters<typeof freezeFromRow>[0] & { version: number; environment: { name: string } | null };

function staleFreeze(row: FreezeRow) {
  const description = describeFreeze(freezeFromRow(row));
  return new ConflictError(
    `Someone changed this freeze meanwhile: it is now “${row.reason}”, ${description}${row.environment ? ` on ${row.environment.name}` : " on every environment"}. Your edit was not saved; check it, then save again.`,
    { version: row.version, reason: row.reason, description },
  );
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
