import "server-only";
import { db } from "@/lib/db/client";
import { parseReadinessDTO, type ReadinessDTO } from "@/lib/readiness/dto";
import type { EvaluatedGroup } from "./readiness-reasons";
import type { DecisionKind, SignoffRule } from "./rules";

// What the sign-off and go/no-go pages show: plain DTOs, dates as ISO strings.

export type DecisionView = {
  id: string;
  approverId: string;
  approverName: string;
  decision: DecisionKind;
  comment: string;
  evidenceLinks: string[];
  createdAt: string;
  staleAt: string | null;
  staleReason: string | null;
  snapshot: ReadinessDTO | null;
};

export type GroupView = {
  id: string;
  name: string;
  rule: SignoffRule;
  requiredCount: number | null;
  approvers: { userId: string; name: string }[];
  /** Each approver's standing decision (live or stale); withdrawn ones and superseded history left out. */
  decisions: DecisionView[];
  evaluation: EvaluatedGroup | null;
};

export async function listSignoffGroups(launchId: string, readiness: ReadinessDTO): Promise<GroupView[]> {
  const groups = await db.signoffGroup.findMany({
    where: { launchId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, name: true, rule: true, requiredCount: true,
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
      approvers: g.approvers.map((a) => ({ userId: a.userId, name: a.user.name })),
      decisions,
      evaluation: readiness.groups[g.id] ?? null,
    };
  });
}

export async function listApproverCandidates(launchId: string) {
  const rows = await db.member.findMany({
    where: { launchId, role: "APPROVER" },
    orderBy: { user: { name: "asc" } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email }));
}
export type ApproverCandidate = Awaited<ReturnType<typeof listApproverCandidates>>[number];
