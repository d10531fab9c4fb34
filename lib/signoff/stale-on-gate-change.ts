import "server-only";
import type { LaunchCtx } from "@/lib/server/command";
import type { GateChange } from "@/lib/server/hooks";
import { lockSignoffs } from "./lock";
import { staleDecisions, type StalenessChange } from "./staleness";

// When the checklist or a window regresses a gate, every live sign-off given before the change stops
// describing the launch: mark them stale, in the change's own transaction, with one event saying why.

function toStaleness(change: GateChange, at: Date): StalenessChange {
  switch (change.kind) {
    case "item_regressed":
      return { kind: "item_regressed", at, description: change.title };
    case "required_item_added":
      return { kind: "required_item_added", at, description: change.title };
    case "window_moved":
      return { kind: "window_moved", at, description: change.description };
    case "required_item_removed":
      return { kind: "required_item_removed", at, description: change.title };
    case "item_made_optional":
      return { kind: "item_made_optional", at, description: change.title };
    case "checklist_replaced":
      return { kind: "checklist_replaced", at };
  }
}

export async function markStaleOnGateChange(ctx: LaunchCtx, change: GateChange) {
  const { tx, launch } = ctx;
  await lockSignoffs(tx, launch.id);
  const at = new Date();
  const live = await tx.signoffDecision.findMany({
    where: { launchId: launch.id, staleAt: null, withdrawnAt: null },
    select: { id: true, createdAt: true },
  });
  const stale = staleDecisions(
    live.map((d) => ({ ...d, stale: false, withdrawn: false })),
    toStaleness(change, at),
  );
  if (stale.length === 0) return;
  const reason = stale[0].reason;
  const decisionIds = stale.map((d) => d.id);
  await tx.signoffDecision.updateMany({ where: { id: { in: decisionIds }, staleAt: null }, data: { staleAt: at, staleReason: reason } });
  ctx.emit({ type: "signoff.stale", payload: { count: decisionIds.length, reason, decisionIds, change: change.kind } });
}
