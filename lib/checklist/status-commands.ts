import "server-only";
import type { z } from "zod";
import { ValidationError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/roles";
import { runLaunchCommand } from "@/lib/server/command";
import { gateChanged } from "@/lib/server/hooks";
import type { changeStatusSchema, evidenceSchema } from "./checklist.schema";
import { assertCanUpdate, loadItem, respond, writeVersioned } from "./command-helpers";
import { checkStatusChange, isRegression } from "./transitions";
import type { ItemStatus } from "./types";

// Day-to-day work on an item: its status and its evidence. Owners (or any engineer when the launch
// allows it) and managers; the gates (reason, justification, waiver, predecessors, evidence) are
// checked by the pure checkStatusChange against rows read inside the transaction.

export async function changeItemStatus(actor: Actor, input: z.output<typeof changeStatusSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.view", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    assertCanUpdate(ctx, item);
    const from = item.status as ItemStatus;
    // Ticking an already-done item (two tabs, a double click) is a no-op, not a conflict or a new event.
    if (from === input.status && (input.reason?.trim() || null) === item.statusReason) return respond(ctx, item.id);
    const check = checkStatusChange({
      item,
      to: input.status,
      reason: input.reason,
      predecessors: item.predecessors,
      actorIsManager: can(ctx.actor, ctx.access, "item.waive-required"),
    });
    if (!check.ok) throw new ValidationError(check.message, { [check.field ?? "status"]: [check.message] });
    const keepsReason = input.status === "BLOCKED" || input.status === "NOT_APPLICABLE";
    const reason = keepsReason ? input.reason!.trim() : null;
    await writeVersioned(ctx, item, input.version, {
      status: input.status,
      statusReason: reason,
      completedAt: input.status === "DONE" ? new Date() : null,
    });
    ctx.emit({ type: "item.status_changed", payload: { itemId: item.id, title: item.title, from, to: input.status, reason } });
    if (item.required && isRegression(from, input.status)) {
      await gateChanged(ctx, { kind: "item_regressed", itemId: item.id, title: item.title });
    }
    return respond(ctx, item.id);
  });
  return result;
}

export async function updateEvidence(actor: Actor, input: z.output<typeof evidenceSchema>) {
  const { result } = await runLaunchCommand(actor, input.launchId, "launch.view", async (ctx) => {
    const item = await loadItem(ctx, input.itemId);
    assertCanUpdate(ctx, item);
    const empty = !input.evidenceNote && input.evidenceLinks.length === 0;
    // Removing the proof of a done gate would leave it done without evidence; reopen it first.
    if (empty && item.status === "DONE" && item.requiresEvidence) {
      const message = `“${item.title}” is done and needs evidence: reopen it before removing its evidence.`;
      throw new ValidationError(message, { evidenceNote: [message] });
    }
    await writeVersioned(ctx, item, input.version, { evidenceNote: input.evidenceNote, evidenceLinks: input.evidenceLinks });
    ctx.emit({ type: "item.evidence_changed", payload: { itemId: item.id, title: item.title, links: input.evidenceLinks.length } });
    return respond(ctx, item.id);
  });
  return result;
}
