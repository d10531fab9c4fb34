import "server-only";
import type { ApproverCandidate, DecisionView, GroupView } from "./dto";
import { db } from "@/lib/db/client";
import { parseReadinessDTO, type ReadinessDTO } from "@/lib/readiness/dto";

// What the sign-off and go/no-go pages show: plain DTOs, dates as ISO strings.

export async function listSignoffGroups(launchId: string, readiness: ReadinessDTO): Promise<GroupView[]> {
  const groups = await db.signoffGroup.findMany({
    where: { launchId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, name: true, rule: true, requiredCount: true, version: true,
      approvers: { select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
      decisions: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, approverId: true, decision: true, comment: true, evidenceLinks: true, createdAt: true, staleAt: true,
          staleReason: true, withdrawnAt: true, snapshot: true, approver: { select: { name: true } },
        },
      },
    },
  });
  return groups.map((g) => {
    const latest = new Map<string, (typeof g.decisions)[number]>();
    for (const d of g.decisions) latest.set(d.approverId, d);
    const decisions = [...latest.values()]
      .filter((d) => !d.withdrawnAt)
      .map((d) => ({
        id: d.id,
        approverId: d.approverId,
        approverName: d.approver.name,
        decision: d.decision,
        comment: d.comment,
        evidenceLinks: d.evidenceLinks,
        createdAt: d.createdAt.toISOString(),
        staleAt: d.staleAt?.toISOString() ?? null,
        staleReason: d.staleReason,
        snapshot: parseReadinessDTO(d.snapshot),
      }));
    return {
      id: g.id,
      name: g.name,
      rule: g.rule,
      requiredCount: g.requiredCount,
      version: g.version,
      approvers: g.approvers.map((a) => ({ userId: a.userId, name: a.user.name })),
      decisions,
      evaluation: readiness.groups[g.id] ?? null,
    };
  });
}

export async function listApproverCandidates(launchId: string): Promise<ApproverCandidate[]> {
  const rows = await db.member.findMany({
    where: { launchId, role: "APPROVER" },
    orderBy: { user: { name: "asc" } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email }));
}

export type { ApproverCandidate, DecisionView, GroupView };
