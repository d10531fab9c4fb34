import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import type { setEngineersTakeSchema } from "./team-rules.schema";

/**
 * Turns "Take it" on or off for the launch's engineers (managers only). Setting the value it already has
 * writes nothing. The header meta carries the setting, so every open checklist follows it live.
 */
export async function setEngineersTake(actor: Actor, input: z.output<typeof setEngineersTakeSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.edit", async ({ tx, launch, emit }) => {
    const current = await tx.launch.findUniqueOrThrow({ where: { id: launch.id }, select: { engineersTake: true } });
    if (current.engineersTake === input.allowed) return { engineersTake: input.allowed };
    await tx.launch.update({ where: { id: launch.id }, data: { engineersTake: input.allowed, version: { increment: 1 } } });
    emit({ type: "launch.updated", payload: { fields: ["engineersTake"], engineersTake: input.allowed } });
    return { engineersTake: input.allowed };
  });
  return result;
}
