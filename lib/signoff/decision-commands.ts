import "server-only";
import type { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadReadiness } from "@/lib/readiness/load";
import { runLaunchCommand } from "@/lib/server/command";
import { TERMINAL_STATES, type LaunchState } from "./lifecycle";
import { isLiveDecisionClash, lockSignoffs } from "./lock";
import { isHttpUrl, REJECT_NEEDS_COMMENT, type decideSchema, type withdrawSchema } from "./signoff.schema";

type DecideData = z.output<typeof decideSchema>;
export type DecideResult = { id: string; unchanged: boolean };

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function checkInput(input: DecideData) {
  if (input.decision === "REJECT" && !input.comment.trim()) throw new ValidationError(REJECT_NEEDS_COMMENT, { comment: [REJECT_NEEDS_COMMENT] });
  if (!input.evidenceLinks.every(isHttpUrl)) throw new ValidationError("Evidence links must be http(s) URLs.", { evidenceLinks: ["Use http(s) URLs"] });
}

function decideOnce(actor: Actor, input: DecideData) {
  return runLaunchCommand(actor, input.launchId, "signoff.decide", async ({ tx, launch, access, emit }) => {
    if (TERMINAL_STATES.has(launch.status as LaunchState)) throw new ConflictError(`The launch is ${launch.status.toLowerCase()}; sign-offs are closed.`);
    await lockSignoffs(tx, launch.id);
    const group = await tx.signoffGroup.findFirst({
      where: { id: input.groupId, launchId: launch.id },
      select: { id: true, name: true, approvers: { where: { userId: actor.userId }, select: { user: { select: { name: true } } } } },
    });
    if (!group) throw new NotFoundError("That sign-off group no longer exists. Reload to see the current groups.");
    const me = group.approvers[0];
    if (!me) throw new ForbiddenError(`You are not an approver of “${group.name}”, so you cannot sign for it.`);
    // Managers may hold signoff.decide by the matrix, but a sign-off is an approver's word.
    if (access.role !== "APPROVER") throw new ForbiddenError("Only members with the approver role can sign off. Ask a manager to change your role.");

    const live = await tx.signoffDecision.findFirst({
      where: { groupId: group.id, approverId: actor.userId, withdrawnAt: null, staleAt: null },
      select: { id: true, decision: true, comment: true, evidenceLinks: true },
    });
    if (live && live.decision === input.decision && live.comment === input.comment && sameList(live.evidenceLinks, input.evidenceLinks)) {
      return { id: live.id, unchanged: true };
    }
    if (live) await tx.signoffDecision.update({ where: { id: live.id }, data: { withdrawnAt: new Date() } });
    const { dto } = await loadReadiness(launch.id, tx);
    const row = await tx.signoffDecision.create({
      data: {
        launchId: launch.id,
        groupId: group.id,
        approverId: actor.userId,
        decision: input.decision,
        comment: input.comment,
        evidenceLinks: input.evidenceLinks,
        snapshot: dto as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    emit({
      type: "signoff.decided",
      payload: {
        decisionId: row.id,
        groupId: group.id,
        group: group.name,
        decision: input.decision,
        comment: input.comment,
        evidenceLinks: input.evidenceLinks,
        approverName: me.user.name,
        readiness: dto.state,
        ...(live ? { replaces: live.id } : {}),
      },
    });
    return { id: row.id, unchanged: false };
  });
}

/**
 * Records an approver's decision for a group. The same decision again changes nothing (no row, no event);
 * a different one replaces the live decision. The partial unique index keeps one live decision per
 * approver and group even if two requests race past the lock's guard; the loser re-runs and finds it.
 */
export async function decide(actor: Actor, input: DecideData): Promise<DecideResult> {
  checkInput(input);
  try {
    return (await decideOnce(actor, input)).result;
  } catch (error) {
    if (!isLiveDecisionClash(error)) throw error;
    return (await decideOnce(actor, input)).result;
  }
}

export async function withdraw(actor: Actor, input: z.output<typeof withdrawSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "signoff.decide", async ({ tx, launch, emit }) => {
    await lockSignoffs(tx, launch.id);
    const decision = await tx.signoffDecision.findFirst({
      where: { id: input.decisionId, launchId: launch.id },
      select: { id: true, approverId: true, withdrawnAt: true, decision: true, group: { select: { id: true, name: true } }, approver: { select: { name: true } } },
    });
    if (!decision) throw new NotFoundError("That sign-off no longer exists. Reload to see the current decisions.");
    if (decision.approverId !== actor.userId) throw new ForbiddenError("You can only withdraw your own sign-off.");
    if (decision.withdrawnAt) return { id: decision.id, unchanged: true };
    await tx.signoffDecision.update({ where: { id: decision.id }, data: { withdrawnAt: new Date() } });
    emit({
      type: "signoff.withdrawn",
      payload: { decisionId: decision.id, groupId: decision.group.id, group: decision.group.name, decision: decision.decision, approverName: decision.approver.name },
    });
    return { id: decision.id, unchanged: false };
  });
  return result;
}
