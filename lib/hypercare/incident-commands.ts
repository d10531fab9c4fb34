import "server-only";
import type { z } from "zod";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand, type LaunchCtx } from "@/lib/server/command";
import type { noteIncidentSchema, openIncidentSchema, updateIncidentSchema } from "./schema";
import { INCIDENT_SELECT, toIncidentDTO } from "./queries";
import { INCIDENT_STATE_LABEL, type IncidentDTO } from "./types";

// The incident log, through the one write path ("incident.write": engineers and managers). Every change of
// state or severity and every note joins the incident's timeline; edits are compare-and-set on its version.

/** Incidents belong to the cutover and after: from the window opening until the launch closes. */
const LOGGING_STATES = new Set(["IN_WINDOW", "LIVE", "HYPERCARE", "ROLLED_BACK"]);

function refuseOutsideLive(ctx: LaunchCtx) {
  if (!LOGGING_STATES.has(ctx.launch.status)) throw new ValidationError("Incidents are logged once the window has opened: this launch is not in its window, live or in hypercare.");
}

async function requireOwnerMember(ctx: LaunchCtx, ownerId: string | null) {
  if (!ownerId) return;
  const member = await ctx.tx.member.findUnique({ where: { launchId_userId: { launchId: ctx.launch.id, userId: ownerId } }, select: { role: true } });
  if (!member) throw new ValidationError("The owner must be a member of this launch.", { ownerId: ["Choose a member of this launch"] });
}

export async function openIncident(actor: Actor, input: z.output<typeof openIncidentSchema>): Promise<IncidentDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "incident.write", async (ctx) => {
    refuseOutsideLive(ctx);
    await requireOwnerMember(ctx, input.ownerId);
    // Numbers are per launch (#1, #2...): serialised by the launch row's lock, the unique index backs it.
    await ctx.tx.$executeRaw`SELECT 1 FROM launch WHERE id = ${ctx.launch.id} FOR UPDATE`;
    const last = await ctx.tx.incident.aggregate({ where: { launchId: ctx.launch.id }, _max: { number: true } });
    const row = await ctx.tx.incident.create({
      data: {
        launchId: ctx.launch.id, number: (last._max.number ?? 0) + 1, title: input.title, severity: input.severity, highestSeverity: input.severity,
        releaseRelated: input.releaseRelated, rollbackTrigger: input.rollbackTrigger, ownerId: input.ownerId, openedById: actor.userId,
        notes: { create: { authorId: actor.userId, body: input.note, toState: "INVESTIGATING", severity: input.severity } },
      },
      select: INCIDENT_SELECT,
    });
    ctx.emit({
      type: "incident.opened",
      payload: { incidentId: row.id, number: row.number, title: row.title, severity: row.severity, rollbackTrigger: row.rollbackTrigger, releaseRelated: row.releaseRelated },
    });
    return toIncidentDTO(row);
  });
  return result;
}

export async function updateIncident(actor: Actor, input: z.output<typeof updateIncidentSchema>): Promise<IncidentDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "incident.write", async (ctx) => {
    const where = { id: input.incidentId, launchId: ctx.launch.id };
    const before = await ctx.tx.incident.findFirst({ where, select: INCIDENT_SELECT });
    if (!before) throw new NotFoundError("That incident does not exist on this launch.");
    if (before.version !== input.version) {
      const dto = toIncidentDTO(before);
      throw new ConflictError(
        `Incident #${dto.number} was changed by someone else meanwhile (now ${INCIDENT_STATE_LABEL[dto.state].toLowerCase()}, Sev ${dto.severity}${dto.ownerName ? `, owned by ${dto.ownerName}` : ""}). Nothing was saved: check it and try again.`,
        dto,
      );
    }
    await requireOwnerMember(ctx, input.ownerId);
    const stateChanged = before.state !== input.state;
    const severityChanged = before.severity !== input.severity;
    const resolvedAt = input.state === "RESOLVED" ? (before.resolvedAt ?? new Date()) : null;
    const { count } = await ctx.tx.incident.updateMany({
      where: { ...where, version: input.version },
      data: {
        title: input.title, severity: input.severity, highestSeverity: Math.min(before.highestSeverity, input.severity), state: input.state, resolvedAt,
        releaseRelated: input.releaseRelated, rollbackTrigger: input.rollbackTrigger, ownerId: input.ownerId, version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError(`Incident #${before.number} was changed by someone else at the same moment. Nothing was saved: try again.`);
    if (stateChanged || severityChanged || input.note) {
      await ctx.tx.incidentNote.create({
        data: {
          incidentId: before.id, authorId: actor.userId, body: input.note,
          fromState: stateChanged ? before.state : null, toState: stateChanged ? input.state : null, severity: severityChanged ? input.severity : null,
        },
      });
    }
    const row = await ctx.tx.incident.findFirstOrThrow({ where, select: INCIDENT_SELECT });
    ctx.emit({
      type: "incident.updated",
      payload: {
        incidentId: row.id, number: row.number, title: row.title, severity: row.severity, state: row.state, rollbackTrigger: row.rollbackTrigger,
        ...(stateChanged ? { fromState: before.state } : {}), ...(severityChanged ? { fromSeverity: before.severity } : {}),
      },
    });
    return toIncidentDTO(row);
  });
  return result;
}

/** A note on the timeline: never conflicts (notes only accumulate). */
export async function noteIncident(actor: Actor, input: z.output<typeof noteIncidentSchema>): Promise<IncidentDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "incident.write", async (ctx) => {
    const where = { id: input.incidentId, launchId: ctx.launch.id };
    const incident = await ctx.tx.incident.findFirst({ where, select: { id: true, number: true, title: true } });
    if (!incident) throw new NotFoundError("That incident does not exist on this launch.");
    await ctx.tx.incidentNote.create({ data: { incidentId: incident.id, authorId: actor.userId, body: input.body } });
    ctx.emit({ type: "incident.noted", payload: { incidentId: incident.id, number: incident.number, title: incident.title } });
    return toIncidentDTO(await ctx.tx.incident.findFirstOrThrow({ where, select: INCIDENT_SELECT }));
  });
  return result;
}
