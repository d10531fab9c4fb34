import "server-only";
import type { Tx } from "@/lib/db/client";

// Sign-offs, stale marking and the go/no-go of one launch take this transaction-scoped lock, so a
// decision is never recorded against readiness read before a concurrent regression committed: either
// the regression commits first and the snapshot sees it, or the decision commits first and goes stale.
export async function lockSignoffs(tx: Tx, launchId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`signoff:${launchId}`}, 0))`;
}

/** SQLSTATE 23505 on the partial unique index that keeps one live decision per approver and group. */
export function isLiveDecisionClash(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const text = JSON.stringify(e, (_k, v) => (typeof v === "bigint" ? String(v) : v)) ?? "";
    if ("code" in e && (e as { code: unknown }).code === "P2002") return true;
    if (text.includes("signoff_decision_live_key") || text.includes("23505")) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
