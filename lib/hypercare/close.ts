import "server-only";
import type { z } from "zod";
import { ConflictError, ValidationError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { closeHypercareInTx } from "./lifecycle";
import type { closeHypercareSchema } from "./schema";

/** Managers close hypercare (HYPERCARE -> CLOSED), with an override reason when something is still open. */
export async function closeHypercare(actor: Actor, input: z.output<typeof closeHypercareSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.lifecycle", async ({ tx, launch, emit }) => {
    if (launch.status !== "HYPERCARE") throw new ValidationError("Only a launch in hypercare can close hypercare.");
    const outcome = await closeHypercareInTx(tx, launch.id, actor.userId, input.overrideReason, emit);
    const moved = await tx.launch.updateMany({ where: { id: launch.id, status: "HYPERCARE" }, data: { status: "CLOSED", version: { increment: 1 } } });
    if (moved.count !== 1) throw new ConflictError("Someone else moved the launch at the same moment. Reload and check.");
    emit({ type: "launch.status_changed", payload: { from: "HYPERCARE", to: "CLOSED", ...(outcome.overridden ? { overrideReason: input.overrideReason.trim() } : {}) } });
    return { status: "CLOSED" as const, overridden: outcome.overridden };
  });
  return result;
}
