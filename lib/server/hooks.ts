import "server-only";
import type { LaunchCtx } from "@/lib/server/command";

// Cross-capability reactions inside the one write path: a capability that changes something another one
// depends on calls the hook, in the same transaction, so the reaction commits (and streams) with it.

export type GateChange =
  | { kind: "item_regressed"; itemId: string; title: string }
  | { kind: "required_item_added"; itemId: string; title: string }
  | { kind: "window_moved"; windowId: string; description: string };

type Handler = (ctx: LaunchCtx, change: GateChange) => Promise<void>;
const handlers: Handler[] = [];

/** Sign-offs subscribe here to go stale when a gate regresses (lib/signoff). */
export function onGateChange(handler: Handler) {
  handlers.push(handler);
}

export async function gateChanged(ctx: LaunchCtx, change: GateChange) {
  for (const handler of handlers) await handler(ctx, change);
}
import "@/lib/signoff/stale-on-gate-change";
