import "server-only";
import type { LaunchCtx } from "@/lib/server/command";
import { onGateChange, type GateChange } from "@/lib/server/hooks";
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

// lib/server/hooks.ts imports this module as its last line. ESM evaluates imports first, so when hooks.ts
// is the first of the two to load, this body runs before hooks.ts has created its handler list: retry
// once the module graph has finished evaluating (always before any request can reach gateChanged).
let registered = false;
function register() {
  if (registered) return;
  try {
    onGateChange(markStaleOnGateChange);
    registered = true;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    setTimeout(register, 0);
  }
}
register();
