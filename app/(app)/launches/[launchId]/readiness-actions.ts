"use server";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action";
import { idSchema } from "@/lib/launches/launch.schema";
import { getLaunchForActor } from "@/lib/launches/queries";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { loadReadiness } from "@/lib/readiness/load";

const schema = z.object({ launchId: idSchema });

/** Read-only: the launch's readiness now, for the client cache when the stream has nothing newer. */
export async function getReadinessAction(input: z.input<typeof schema>): Promise<ActionResult<ReadinessDTO>> {
  return runAction(
    "getReadiness",
    schema,
    input,
    async ({ launchId }, actor) => {
      await getLaunchForActor(actor, launchId);
      return (await loadReadiness(launchId)).dto;
    },
    { readiness: false },
  );
}
