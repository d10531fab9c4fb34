import "server-only";
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadReadiness } from "@/lib/readiness/load";
import { runLaunchCommand } from "@/lib/server/command";
import { closeHypercareInTx, startHypercareInTx } from "@/lib/hypercare/lifecycle";
import { requiresGoDecision, STATE_INFO, transitionError, type LaunchState } from "./lifecycle";
import { lockSignoffs } from "./lock";
import { OVERRIDE_MIN, type goDecisionSchema, type transitionSchema } from "./signoff.schema";

// The go/no-go and the launch lifecycle. Each move is a guarded UPDATE ... WHERE status = <the status it
// was read as>: of two concurrent moves the second finds the status changed and gets a ConflictError.

async function moveStatus(tx: Tx, launchId: string, from: LaunchState, to: LaunchState) {
  const moved = await tx.launch.updateMany({ where: { id: launchId, status: from }, data: { status: to, version: { increment: 1 } } });
  if (moved.count === 1) return;
  const now = await tx.launch.findUnique({ where: { id: launchId }, select: { status: true } });
  const label = now ? STATE_INFO[now.status as LaunchState].label : "gone";
  throw new ConflictError(`Someone else moved the launch to “${label}” at the same moment. Reload and decide again.`, { status: now?.status });
}

function refuseIllegal(from: LaunchState, to: LaunchState) {
  const refused = transitionError(from, to);
  if (refused) throw new ValidationError(refused);
}

export async function recordGoDecision(actor: Actor, input: z.output<typeof goDecisionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "go.decide", async ({ tx, launch, emit }) => {
    const from = launch.status as LaunchState;
    const to: LaunchState = input.outcome;
    refuseIllegal(from, to);
    if (to === "NO_GO" && (!input.notes.trim() || !input.nextStep.trim())) {
      throw new ValidationError("A NO-GO needs its reasons and the next step.", {
        ...(input.notes.trim() ? {} : { notes: ["Give the reasons for NO-GO"] }),
        ...(input.nextStep.trim() ? {} : { nextStep: ["Say what happens next"] }),
      });
    }
    // Readiness read under the sign-off lock, so no sign-off can go stale between reading and deciding.
    await lockSignoffs(tx, launch.id);
    const { dto } = await loadReadiness(launch.id, tx);
    const override = input.overrideReason.trim();
    const overriding = to === "GO" && dto.state !== "READY";
    if (overriding && override.length === 0) {
      throw new ValidationError(
        `The launch is not ready (${dto.reasons.length} open reason${dto.reasons.length === 1 ? "" : "s"}). To go anyway, record an override with a written reason.`,
        { overrideReason: ["Write why you go despite the open reasons"] },
      );
    }
    if (overriding && override.length < OVERRIDE_MIN) {
      throw new ValidationError(`Write an override reason of at least ${OVERRIDE_MIN} characters: it is shown to everyone and kept in the audit trail.`, {
        overrideReason: [`At least ${OVERRIDE_MIN} characters`],
      });
    }
    await moveStatus(tx, launch.id, from, to);
    const row = await tx.goDecision.create({
      data: {
        launchId: launch.id,
        outcome: input.outcome,
        notes: input.notes,
        // Only a GO against unmet gates is an override; a reason typed while READY is just a note.
        overrideReason: overriding ? override : null,
        nextStep: to === "NO_GO" ? input.nextStep : null,
        snapshot: dto as unknown as Prisma.InputJsonValue,
        decidedById: actor.userId,
      },
      select: { id: true },
    });
    emit({
      type: "go.decided",
      payload: {
        goDecisionId: row.id,
        outcome: input.outcome,
        notes: input.notes,
        ...(overriding ? { overrideReason: override, overriddenReasons: dto.reasons.map((r) => r.message) } : {}),
        ...(to === "NO_GO" ? { nextStep: input.nextStep } : {}),
        readiness: dto.state,
      },
    });
    emit({ type: "launch.status_changed", payload: { from, to, goDecisionId: row.id } });
    return { id: row.id, status: to, overridden: overriding };
  });
  return result;
}

export async function transitionLaunch(actor: Actor, input: z.output<typeof transitionSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.lifecycle", async ({ tx, launch, emit }) => {
    const from = launch.status as LaunchState;
    const to = input.to;
    if (input.from && input.from !== from) {
      throw new ConflictError(`The launch is now “${STATE_INFO[from].label}”: someone moved it while you were looking. Check, then try again.`, { status: from });
    }
    if (requiresGoDecision(from, to)) {
      throw new ValidationError(`Moving to “${STATE_INFO[to].label}” is a go/no-go decision: record it with its notes on the Go/no-go page.`);
    }
    refuseIllegal(from, to);
    // Hypercare's exit gate: a plain move refuses while a Sev 1 is open or a criterion is unmet (the
    // override is given on the Hypercare page, lib/hypercare/close.ts).
    if (from === "HYPERCARE" && to === "CLOSED") await closeHypercareInTx(tx, launch.id, actor.userId, "", emit);
    await moveStatus(tx, launch.id, from, to);
    if (to === "HYPERCARE") await startHypercareInTx(tx, launch.id, emit);
    emit({ type: "launch.status_changed", payload: { from, to } });
    return { status: to };
  });
  return result;
}
