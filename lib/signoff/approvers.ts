import "server-only";
import type { Tx } from "@/lib/db/client";
import { ValidationError } from "@/lib/domain/errors";
import { ROLE_LABEL, type Role } from "@/lib/domain/roles";

// A sign-off must be the word of someone whose job on this launch is approving: only members holding the
// APPROVER role can be named approvers of a group.

export async function checkApprovers(tx: Tx, launchId: string, approverIds: string[]) {
  if (approverIds.length === 0) return [];
  const members = await tx.member.findMany({
    where: { launchId, userId: { in: approverIds } },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const byUser = new Map(members.map((m) => [m.userId, m]));
  const missing = approverIds.filter((id) => !byUser.has(id));
  if (missing.length > 0) {
    throw new ValidationError(
      missing.length === 1 ? "One chosen approver is not a member of this launch." : `${missing.length} chosen approvers are not members of this launch.`,
      { approverIds: ["Pick approvers from this launch’s members"] },
    );
  }
  const wrongRole = members.filter((m) => m.role !== "APPROVER");
  if (wrongRole.length > 0) {
    const who = wrongRole.map((m) => `${m.user.name} (${ROLE_LABEL[m.role as Role].toLowerCase()})`).join(", ");
    throw new ValidationError(`Only members with the approver role can approve: ${who}. Change their role on the Members page first.`, {
      approverIds: ["Only members with the Approver role can be approvers"],
    });
  }
  return approverIds.map((id) => ({ userId: id, name: byUser.get(id)!.user.name }));
}

export function checkRule(rule: string, requiredCount: number | null, approverCount: number): number | null {
  if (rule !== "N_OF_M") return null;
  if (requiredCount === null || requiredCount < 1 || requiredCount > approverCount) {
    const range = approverCount === 0 ? "Add approvers first" : `Between 1 and ${approverCount}`;
    throw new ValidationError(
      approverCount === 0
        ? "“N of M” needs approvers: pick at least one."
        : `“N of M” needs between 1 and ${approverCount} approvals with ${approverCount} approver${approverCount === 1 ? "" : "s"}.`,
      { requiredCount: [range] },
    );
  }
  return requiredCount;
}
