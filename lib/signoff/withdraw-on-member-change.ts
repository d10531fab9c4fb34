import "server-only";
import type { LaunchCtx } from "@/lib/server/command";
import { isReadOnlyLaunch } from "@/lib/domain/read-only";
import { lockSignoffs } from "./lock";

// A sign-off is an approver's word while they are one. Removing them from the launch, or changing their
// role away from APPROVER, withdraws their live decisions in the same transaction (readiness drops at
// once) and says so in one audit event. On a closed launch the record stays as it was when it closed.

export type MemberChange = { userId: string; name: string; why: "removed" | "demoted"; to?: string };

export async function withdrawDecisionsOnMemberChange(ctx: LaunchCtx, change: MemberChange) {
  const { tx, launch } = ctx;
  if (isReadOnlyLaunch(launch.status)) return 0;
  await lockSignoffs(tx, launch.id);
  const live = await tx.signoffDecision.findMany({
    where: { launchId: launch.id, approverId: change.userId, withdrawnAt: null, staleAt: null },
    select: { id: true, group: { select: { name: true } } },
  });
  if (live.length === 0) return 0;
  const decisionIds = live.map((d) => d.id);
  await tx.signoffDecision.updateMany({ where: { id: { in: decisionIds }, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
  const reason = change.why === "removed" ? `${change.name} was removed from the launch` : `${change.name} is no longer an approver`;
  ctx.emit({
    type: "signoff.revoked",
    payload: { count: decisionIds.length, decisionIds, approverId: change.userId, approverName: change.name, groups: live.map((d) => d.group.name), reason },
  });
  return decisionIds.length;
}
