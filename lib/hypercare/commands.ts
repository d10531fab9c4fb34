import "server-only";
import type { z } from "zod";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand, type LaunchCtx } from "@/lib/server/command";
import type { addCriterionSchema, planSchema, recordMetricSchema, removeCriterionSchema, signCriterionSchema } from "./schema";
import { CRITERION_SELECT, toCriterionDTO } from "./queries";
import type { CriterionDTO } from "./types";

// Hypercare's plan and exit criteria, through the one write path. Managers edit the planned end and the
// criteria and sign manual ones ("hypercare.manage"); engineers and managers record metric values
// ("hypercare.record"). Each write is a compare-and-set on its row's version: the loser is told what won.

async function requireHypercare({ tx, launch }: LaunchCtx) {
  const row = await tx.hypercare.findUnique({ where: { launchId: launch.id }, select: { version: true, closedAt: true, startedAt: true } });
  if (!row) throw new ValidationError("This launch is not in hypercare yet: it starts when the launch moves from Live to Hypercare.");
  return row;
}

export async function changePlannedEnd(actor: Actor, input: z.output<typeof planSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "hypercare.manage", async (ctx) => {
    const row = await requireHypercare(ctx);
    const end = new Date(input.plannedEndAt);
    if (end <= row.startedAt) throw new ValidationError("The planned end must be after hypercare began.", { plannedEndAt: ["After the start of hypercare"] });
    const { count } = await ctx.tx.hypercare.updateMany({ where: { launchId: input.launchId, version: input.version }, data: { plannedEndAt: end, version: { increment: 1 } } });
    if (count === 0) {
      const now = await ctx.tx.hypercare.findUniqueOrThrow({ where: { launchId: input.launchId }, select: { plannedEndAt: true, version: true } });
      throw new ConflictError(`Someone else changed the planned end meanwhile (now ${now.plannedEndAt.toISOString()}). Nothing was saved: check it and try again.`, {
        plannedEndAt: now.plannedEndAt.toISOString(), version: now.version,
      });
    }
    ctx.emit({ type: "hypercare.plan_changed", payload: { plannedEndAt: end.toISOString() } });
    return { plannedEndAt: end.toISOString() };
  });
  return result;
}

export async function addCriterion(actor: Actor, input: z.output<typeof addCriterionSchema>): Promise<CriterionDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "hypercare.manage", async (ctx) => {
    await requireHypercare(ctx);
    const last = await ctx.tx.hypercareCriterion.aggregate({ where: { launchId: input.launchId }, _max: { position: true } });
    const metric = input.kind === "METRIC";
    const row = await ctx.tx.hypercareCriterion.create({
      data: {
        launchId: input.launchId, kind: input.kind, title: input.title, position: (last._max.position ?? -1) + 1,
        days: input.kind === "NO_SEV1" ? input.days : null,
        comparator: metric ? input.comparator : null, threshold: metric ? input.threshold : null, unit: metric ? input.unit : "",
        hours: metric ? (input.hours ?? null) : null,
      },
      select: CRITERION_SELECT,
    });
    ctx.emit({ type: "hypercare.criterion_added", payload: { criterionId: row.id, title: row.title, kind: row.kind } });
    return toCriterionDTO(row);
  });
  return result;
}

export async function removeCriterion(actor: Actor, input: z.output<typeof removeCriterionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "hypercare.manage", async (ctx) => {
    await requireHypercare(ctx);
    const row = await ctx.tx.hypercareCriterion.findFirst({ where: { id: input.criterionId, launchId: input.launchId }, select: { id: true, title: true } });
    if (!row) throw new NotFoundError("That criterion was removed already.");
    await ctx.tx.hypercareCriterion.delete({ where: { id: row.id } });
    ctx.emit({ type: "hypercare.criterion_removed", payload: { criterionId: row.id, title: row.title } });
    return { id: row.id };
  });
  return result;
}

async function casCriterion(ctx: LaunchCtx, criterionId: string, version: number, kind: CriterionDTO["kind"], data: Record<string, unknown>) {
  const where = { id: criterionId, launchId: ctx.launch.id };
  const current = await ctx.tx.hypercareCriterion.findFirst({ where, select: CRITERION_SELECT });
  if (!current) throw new NotFoundError("That criterion was removed.");
  if (current.kind !== kind) throw new ValidationError(kind === "METRIC" ? "Only metric criteria take a recorded value." : "Only manual criteria are signed.");
  const { count } = await ctx.tx.hypercareCriterion.updateMany({ where: { ...where, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const dto = toCriterionDTO(current);
    const what = kind === "METRIC"
      ? `${dto.valueRecordedByName ?? "Someone"} recorded ${dto.value ?? "a value"} meanwhile`
      : dto.signedAt ? `${dto.signedByName ?? "Someone"} signed it meanwhile` : "someone withdrew the signature meanwhile";
    throw new ConflictError(`“${dto.title}” changed: ${what}. Nothing was saved: check it and try again.`, dto);
  }
  return toCriterionDTO(await ctx.tx.hypercareCriterion.findFirstOrThrow({ where, select: CRITERION_SELECT }));
}

export async function recordMetric(actor: Actor, input: z.output<typeof recordMetricSchema>): Promise<CriterionDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "hypercare.record", async (ctx) => {
    await requireHypercare(ctx);
    const dto = await casCriterion(ctx, input.criterionId, input.version, "METRIC", { value: input.value, valueRecordedAt: new Date(), valueRecordedById: actor.userId });
    ctx.emit({ type: "hypercare.metric_recorded", payload: { criterionId: dto.id, title: dto.title, value: dto.value, unit: dto.unit } });
    return dto;
  });
  return result;
}

export async function signCriterion(actor: Actor, input: z.output<typeof signCriterionSchema>): Promise<CriterionDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "hypercare.manage", async (ctx) => {
    await requireHypercare(ctx);
    const data = input.signed ? { signedAt: new Date(), signedById: actor.userId } : { signedAt: null, signedById: null };
    const dto = await casCriterion(ctx, input.criterionId, input.version, "SIGNED", data);
    ctx.emit({ type: input.signed ? "hypercare.criterion_signed" : "hypercare.criterion_unsigned", payload: { criterionId: dto.id, title: dto.title } });
    return dto;
  });
  return result;
}
