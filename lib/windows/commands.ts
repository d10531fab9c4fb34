import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { env as appEnv } from "@/lib/env";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { gateChanged } from "@/lib/server/hooks";
import { runLaunchCommand, type LaunchCtx } from "@/lib/server/command";
import { lastEditorName } from "@/lib/server/last-editor";
import type { z } from "zod";
import type { cancelWindowSchema, MoveWindowData, transitionWindowSchema } from "./actions.schema";
import { formatRange } from "./describe";
import { describeFreeze } from "./freeze";
import { horizonError, pastStartError } from "./horizon";
import { windowTransitionError, WINDOW_STATUS_LABEL, type WindowStatus } from "./lifecycle";
import { clashError, freezeHitsFor, isExclusionViolation } from "./occupancy";
import type { ScheduleWindowData } from "./window.schema";

// Window commands. Every write runs in runLaunchCommand ("window.manage": managers only). The clash
// pre-check gives the friendly message; the window_no_overlap constraint is the guarantee, and its
// violation (a concurrent winner) is turned into the same message after the transaction rolls back.

type Span = { id?: string; environmentId: string; start: Date; end: Date };

async function loadEnvironment(tx: Tx, environmentId: string) {
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { id: true, name: true } });
  if (!env) throw new ValidationError("That environment no longer exists; choose another.", { environmentId: ["Unknown environment"] });
  return env;
}

/**
 * Dates a request may ask for: within the configured horizon, and a new or moved start not in the past.
 * Checked before any work that scales with the dates (clash search, freeze expansion).
 */
export function checkWindowDates(span: { start: Date; end: Date }, opts: { newStart: boolean }, now = new Date()) {
  const { LIFTOFF_HORIZON_PAST_DAYS: pastDays, LIFTOFF_HORIZON_FUTURE_YEARS: futureYears } = appEnv();
  const outside = horizonError(span, now, { pastDays, futureYears }, "window");
  if (outside) throw new ValidationError(Object.values(outside)[0][0] + ".", outside);
  const past = opts.newStart ? pastStartError(span.start, now) : null;
  if (past) throw new ValidationError(past, { start: ["Pick a start in the future"] });
}

/** Refuses an occupying window that clashes, or that falls in a freeze without a written override. */
async function checkOccupancy(ctx: LaunchCtx, span: Span, zone: string, overrideReason: string | undefined) {
  const clash = await clashError(ctx.tx, span, zone, ctx.actor);
  if (clash) throw clash;
  const hits = await freezeHitsFor(ctx.tx, span);
  if (hits.length === 0) return { freezes: [] as string[], overrideReason: null };
  const freezes = [...new Set(hits.map((h) => `${describeFreeze(h.freeze)} (${h.freeze.reason})`))];
  if (!overrideReason) {
    throw new ValidationError(
      `This window falls in a freeze: ${freezes.join("; ")}. Move it, or override the freeze with a written reason.`,
      { freezeOverrideReason: ["Give a reason to schedule into the freeze"] },
    );
  }
  return { freezes, overrideReason };
}

/** Runs a window command, translating an exclusion violation into the clash message. */
async function guarded<T>(actor: Actor, span: () => Span | null, zone: () => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const s = span();
    if (!s || !isExclusionViolation(error)) throw error;
    // The winner has committed (the constraint waits for it), so a fresh read names it.
    throw (await clashError(db, s, zone(), actor)) ?? new ConflictError("Another window now holds this environment at that time. Reload and pick another slot.");
  }
}

export async function proposeOrScheduleWindow(actor: Actor, input: ScheduleWindowData) {
  const span = { environmentId: input.environmentId, start: input.startsAt, end: input.endsAt };
  return guarded(actor, () => span, () => input.timeZone, async () => {
    const { result } = await runLaunchCommand(actor, input.launchId, "window.manage", async (ctx) => {
      checkWindowDates(span, { newStart: true });
      const env = await loadEnvironment(ctx.tx, input.environmentId);
      const scheduling = input.status === "SCHEDULED";
      const occupancy = scheduling ? await checkOccupancy(ctx, span, input.timeZone, input.freezeOverrideReason) : null;
      const window = await ctx.tx.deploymentWindow.create({
        data: {
          launchId: ctx.launch.id,
          environmentId: env.id,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          timeZone: input.timeZone,
          checkpointAt: input.checkpointAt,
          pointOfNoReturnAt: input.pointOfNoReturnAt,
          notes: input.notes,
          status: input.status,
          freezeOverrideReason: occupancy?.overrideReason ?? null,
          createdById: actor.userId,
        },
        select: { id: true, version: true, status: true },
      });
      ctx.emit({
        type: scheduling ? "window.scheduled" : "window.proposed",
        payload: {
          windowId: window.id,
          environment: env.name,
          start: input.startsAt.toISOString(),
          end: input.endsAt.toISOString(),
          timeZone: input.timeZone,
          range: formatRange(input.startsAt, input.endsAt, input.timeZone),
          ...(occupancy?.overrideReason ? { freezeOverrideReason: occupancy.overrideReason, freezes: occupancy.freezes } : {}),
        },
      });
      return window;
    });
    return result;
  });
}

const WINDOW_SELECT = {
  id: true,
  launchId: true,
  environmentId: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  status: true,
  version: true,
  freezeOverrideReason: true,
  environment: { select: { name: true } },
} as const;

/** Loads the window for a write; a version other than the one the user saw is a conflict showing the current state. */
async function loadForWrite(ctx: LaunchCtx, windowId: string, seenVersion: number) {
  const w = await ctx.tx.deploymentWindow.findFirst({ where: { id: windowId, launchId: ctx.launch.id }, select: WINDOW_SELECT });
  if (!w) throw new NotFoundError("That window no longer exists on this launch.");
  if (w.version !== seenVersion) throw await staleConflict(ctx, w);
  return w;
}

type WindowRow = { id: string; version: number; status: string; startsAt: Date; endsAt: Date; timeZone: string; environment: { name: string } };
/** The window as it is now and who changed it last, for the user whose write was made on an older version. */
async function staleConflict(ctx: LaunchCtx, w: WindowRow) {
  const now = `${WINDOW_STATUS_LABEL[w.status as WindowStatus].toLowerCase()} on ${w.environment.name}, ${formatRange(w.startsAt, w.endsAt, w.timeZone)}`;
  const updatedByName = await lastEditorName(ctx.tx, ctx.launch.id, "windowId", w.id);
  return new ConflictError(`${updatedByName ?? "Someone"} changed this window while you were editing it. It is now ${now}. Review it and try again.`, {
    updatedByName,
    timeZone: w.timeZone,
    id: w.id,
    version: w.version,
    status: w.status,
    environment: w.environment.name,
    start: w.startsAt.toISOString(),
    end: w.endsAt.toISOString(),
  });
}

/** The update itself also checks the version, so two writers racing past loadForWrite cannot both win. */
async function updateVersioned(ctx: LaunchCtx, w: WindowRow, data: Parameters<Tx["deploymentWindow"]["updateMany"]>[0]["data"]) {
  const { count } = await ctx.tx.deploymentWindow.updateMany({
    where: { id: w.id, launchId: ctx.launch.id, version: w.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await ctx.tx.deploymentWindow.findUniqueOrThrow({ where: { id: w.id }, select: WINDOW_SELECT });
    throw await staleConflict(ctx, current);
  }
  return { id: w.id, version: w.version + 1 };
}

export async function moveWindow(actor: Actor, input: MoveWindowData) {
  let span: Span | null = null;
  return guarded(actor, () => span, () => input.timeZone, async () => {
    const { result } = await runLaunchCommand(actor, input.launchId, "window.manage", async (ctx) => {
      const w = await loadForWrite(ctx, input.windowId, input.version);
      const status = w.status as WindowStatus;
      if (status !== "PROPOSED" && status !== "SCHEDULED") {
        throw new ValidationError(`A ${WINDOW_STATUS_LABEL[status].toLowerCase()} window can no longer be moved.`);
      }
      // Moving the start is scheduling anew: it may not go into the past (notes-only edits of a started window stay possible).
      checkWindowDates({ start: input.startsAt, end: input.endsAt }, { newStart: input.startsAt.getTime() !== w.startsAt.getTime() });
      const env = await loadEnvironment(ctx.tx, input.environmentId);
      span = { id: w.id, environmentId: env.id, start: input.startsAt, end: input.endsAt };
      const occupancy = status === "SCHEDULED" ? await checkOccupancy(ctx, span, input.timeZone, input.freezeOverrideReason) : null;
      const updated = await updateVersioned(ctx, w, {
        environmentId: env.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone,
        checkpointAt: input.checkpointAt,
        pointOfNoReturnAt: input.pointOfNoReturnAt,
        notes: input.notes,
        freezeOverrideReason: occupancy?.overrideReason ?? null,
      });
      const range = formatRange(input.startsAt, input.endsAt, input.timeZone);
      ctx.emit({
        type: "window.updated",
        payload: {
          windowId: w.id,
          environment: env.name,
          status,
          from: { environment: w.environment.name, start: w.startsAt.toISOString(), end: w.endsAt.toISOString() },
          start: input.startsAt.toISOString(),
          end: input.endsAt.toISOString(),
          timeZone: input.timeZone,
          range,
          ...(occupancy?.overrideReason ? { freezeOverrideReason: occupancy.overrideReason, freezes: occupancy.freezes } : {}),
        },
      });
      // Readiness and sign-offs key off the scheduled window: they must hear that it moved.
      if (status === "SCHEDULED") await gateChanged(ctx, { kind: "window_moved", windowId: w.id, description: `${env.name} ${range}` });
      return updated;
    });
    return result;
  });
}

export async function transitionWindow(actor: Actor, input: z.output<typeof transitionWindowSchema>) {
  if (input.to === "CANCELLED") return cancelWindow(actor, { ...input, reason: undefined });
  let span: Span | null = null;
  let zone = "UTC";
  return guarded(actor, () => span, () => zone, async () => {
    const { result } = await runLaunchCommand(actor, input.launchId, "window.manage", async (ctx) => {
      const w = await loadForWrite(ctx, input.windowId, input.version);
      const from = w.status as WindowStatus;
      const refused = windowTransitionError(from, input.to);
      if (refused) throw new ValidationError(refused);
      const now = new Date();
      let occupancy: Awaited<ReturnType<typeof checkOccupancy>> | null = null;
      if (input.to === "SCHEDULED") {
        // Completing or rolling back a past window stays possible; newly scheduling one does not.
        checkWindowDates({ start: w.startsAt, end: w.endsAt }, { newStart: true }, now);
        span = { id: w.id, environmentId: w.environmentId, start: w.startsAt, end: w.endsAt };
        zone = w.timeZone;
        occupancy = await checkOccupancy(ctx, span, w.timeZone, input.freezeOverrideReason);
      }
      const updated = await updateVersioned(ctx, w, {
        status: input.to,
        ...(input.to === "SCHEDULED" ? { freezeOverrideReason: occupancy?.overrideReason ?? null } : {}),
        ...(input.to === "IN_PROGRESS" ? { actualStartAt: now } : {}),
        ...(input.to === "COMPLETED" || input.to === "ROLLED_BACK" ? { actualEndAt: now } : {}),
      });
      const common = { windowId: w.id, environment: w.environment.name, range: formatRange(w.startsAt, w.endsAt, w.timeZone) };
      if (input.to === "SCHEDULED") {
        ctx.emit({
          type: "window.scheduled",
          payload: { ...common, from, ...(occupancy?.overrideReason ? { freezeOverrideReason: occupancy.overrideReason, freezes: occupancy.freezes } : {}) },
        });
      } else {
        ctx.emit({ type: "window.status_changed", payload: { ...common, from, to: input.to, at: now.toISOString() } });
      }
      return { ...updated, status: input.to };
    });
    return result;
  });
}

export async function cancelWindow(actor: Actor, input: z.output<typeof cancelWindowSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "window.manage", async (ctx) => {
    const w = await loadForWrite(ctx, input.windowId, input.version);
    const refused = windowTransitionError(w.status as WindowStatus, "CANCELLED");
    if (refused) throw new ValidationError(refused);
    const updated = await updateVersioned(ctx, w, { status: "CANCELLED" });
    ctx.emit({
      type: "window.cancelled",
      payload: { windowId: w.id, environment: w.environment.name, from: w.status, range: formatRange(w.startsAt, w.endsAt, w.timeZone), reason: input.reason ?? null },
    });
    return { ...updated, status: "CANCELLED" as const };
  });
  return result;
}
