import "server-only";
import type { LaunchCtx } from "@/lib/server/command";
import { markStaleOnGateChange } from "@/lib/signoff/stale-on-gate-change";

// Cross-capability reactions inside the one write path: a capability that changes something another one
// depends on calls gateChanged in the same transaction, so the reaction commits (and streams) with it.

export type GateChange =
  | { kind: "item_regressed"; itemId: string; title: string }
  | { kind: "required_item_added"; itemId: string; title: string }
  | { kind: "window_moved"; windowId: string; description: string }
  | { kind: "required_item_removed"; title: string }
  | { kind: "item_made_optional"; itemId: string; title: string }
  | { kind: "checklist_replaced" };

/** A gate regressed: sign-offs given before it go stale (lib/signoff/stale-on-gate-change.ts). */
export async function gateChanged(ctx: LaunchCtx, change: GateChange) {
  await markStaleOnGateChange(ctx, change);
}
