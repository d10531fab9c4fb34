import "server-only";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import type { StatusUpdateDTO } from "./dto";
import { UPDATE_SELECT, toUpdateDTO } from "./queries";
import type { deleteUpdateSchema, editUpdateSchema, postUpdateSchema } from "./schema";
import type { z } from "zod";

// Managers post, edit and delete status updates ("launch.edit"), through the one write path. Every
// change is an event (status_update.*): the audit trail and the live feed of the overview and share pages.

type Post = z.output<typeof postUpdateSchema>;
type Edit = z.output<typeof editUpdateSchema>;
type Delete = z.output<typeof deleteUpdateSchema>;

export async function postStatusUpdate(actor: Actor, input: Post): Promise<StatusUpdateDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const row = await tx.statusUpdate.create({
      data: {
        launchId: input.launchId, title: input.title, message: input.message, impact: input.impact, state: input.state,
        components: input.components, authorId: actor.userId,
      },
      select: UPDATE_SELECT,
    });
    emit({ type: "status_update.posted", payload: { updateId: row.id, title: row.title, impact: row.impact, state: row.state } });
    return toUpdateDTO(row);
  });
  return result;
}

const CHANGED_FIELDS = ["title", "message", "impact", "state", "components"] as const;

export async function editStatusUpdate(actor: Actor, input: Edit): Promise<StatusUpdateDTO> {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const where = { id: input.updateId, launchId: input.launchId };
    const data = { title: input.title, message: input.message, impact: input.impact, state: input.state, components: input.components };
    // Compare-and-set on the version: the loser learns who won and what they wrote.
    const { count } = await tx.statusUpdate.updateMany({ where: { ...where, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) {
      const current = await tx.statusUpdate.findFirst({ where, select: UPDATE_SELECT });
      if (!current) throw new NotFoundError("That update was deleted.");
      const dto = toUpdateDTO(current);
      throw new ConflictError(
        `${dto.authorName ?? "Someone"}'s update was changed by someone else meanwhile (now “${dto.title}”, ${dto.state.toLowerCase().replace("_", " ")}). Nothing was saved: review it and edit again.`,
        dto,
      );
    }
    const row = await tx.statusUpdate.findFirstOrThrow({ where, select: UPDATE_SELECT });
    const before = input.version;
    emit({ type: "status_update.edited", payload: { updateId: row.id, title: row.title, state: row.state, impact: row.impact, fromVersion: before, fields: CHANGED_FIELDS } });
    return toUpdateDTO(row);
  });
  return result;
}

export async function deleteStatusUpdate(actor: Actor, input: Delete): Promise<{ id: string }> {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.edit", async ({ tx, emit }) => {
    const row = await tx.statusUpdate.findFirst({ where: { id: input.updateId, launchId: input.launchId }, select: { id: true, title: true, message: true, state: true, impact: true } });
    if (!row) throw new NotFoundError("That update was deleted already.");
    await tx.statusUpdate.delete({ where: { id: row.id } });
    // Audited: what was said stays in the event log after the update is gone from the timeline.
    emit({ type: "status_update.deleted", payload: { updateId: row.id, title: row.title, message: row.message, state: row.state, impact: row.impact } });
    return { id: row.id };
  });
  return result;
}
