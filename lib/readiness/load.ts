import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { effectiveDue } from "@/lib/checklist/due";
import type { ItemState, ItemStatus, SectionState } from "@/lib/checklist/types";
import { NotFoundError } from "@/lib/domain/errors";
import { computeReadiness, type Readiness, type ReadinessInput } from "@/lib/signoff/readiness";
import type { DecisionState, SignoffRule } from "@/lib/signoff/rules";
import { freezeFromRow, freezesHitting } from "@/lib/windows/freeze";
import { toReadinessDTO, type ReadinessDTO } from "./dto";
import { latestPerApprover } from "./latest-decisions";

// THE server loader of readiness: every page, the sign-off snapshot and the go/no-go read it here, in a
// fixed number of queries (launch, sections, items, groups, windows, freezes) however big the launch.

export type LoadedWindow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  timeZone: string;
  environment: string;
  freezeOverrideReason: string | null;
};

export type LoadedReadiness = {
  readiness: Readiness;
  dto: ReadinessDTO;
  now: Date;
  launch: { id: string; timeZone: string; atRiskHours: number };
  items: (ItemState & { position: number })[];
  sections: SectionState[];
  window: LoadedWindow | null;
  freezeHits: { reason: string; start: Date; end: Date }[];
};

const ACTIVE = ["SCHEDULED", "IN_PROGRESS"];

export async function loadReadiness(launchId: string, tx?: Tx, now = new Date()): Promise<LoadedReadiness> {
  const r = tx ?? db;
  const [launch, sections, rows, groups, windows] = await Promise.all([
    r.launch.findUnique({ where: { id: launchId }, select: { id: true, timeZone: true, atRiskHours: true } }),
    r.checklistSection.findMany({ where: { launchId }, select: { id: true, title: true, position: true }, orderBy: { position: "asc" } }),
    r.checklistItem.findMany({
      where: { launchId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true, title: true, sectionId: true, position: true, required: true, requiresEvidence: true, status: true,
        statusReason: true, ownerId: true, dueAt: true, dueOffsetMinutes: true, evidenceNote: true, evidenceLinks: true,
      },
    }),
    r.signoffGroup.findMany({
      where: { launchId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true, name: true, rule: true, requiredCount: true,
        approvers: { select: { userId: true } },
        decisions: { orderBy: { createdAt: "asc" }, select: { approverId: true, decision: true, staleAt: true, withdrawnAt: true } },
      },
    }),
    // A running window, else upcoming ones; a proposed window only explains why none is scheduled.
    r.deploymentWindow.findMany({
      where: { launchId, OR: [{ status: "IN_PROGRESS" }, { status: { in: ["SCHEDULED", "PROPOSED"] }, endsAt: { gt: now } }] },
      orderBy: { startsAt: "asc" },
      select: {
        id: true, startsAt: true, endsAt: true, status: true, timeZone: true, environmentId: true, freezeOverrideReason: true,
        environment: { select: { name: true } },
      },
    }),
  ]);
  if (!launch) throw new NotFoundError("Launch not found, or you are not a member of it.");

  const chosen = windows.find((w) => ACTIVE.includes(w.status)) ?? windows[0] ?? null;
  const scheduled = chosen && ACTIVE.includes(chosen.status) ? chosen : null;
  const freezeHits = scheduled && !scheduled.freezeOverrideReason ? await hitsFor(r, scheduled) : [];

  const items = rows.map(({ dueOffsetMinutes, ...item }) => ({
    ...item,
    status: item.status as ItemStatus,
    // Relative dues count from the scheduled window only: a proposed one may still move anywhere.
    dueAt: effectiveDue({ dueAt: item.dueAt, dueOffsetMinutes }, scheduled?.startsAt ?? null, launch.timeZone),
    predecessorIds: [],
  }));

  const input: ReadinessInput = {
    now,
    atRiskHours: launch.atRiskHours,
    items,
    sections,
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      rule: g.rule as SignoffRule,
      requiredCount: g.requiredCount,
      approverIds: g.approvers.map((a) => a.userId),
      decisions: latestPerApprover(
        g.decisions.map((d): DecisionState => ({
          approverId: d.approverId, decision: d.decision, stale: d.staleAt !== null, withdrawn: d.withdrawnAt !== null,
        })),
      ),
    })),
    window: chosen ? { id: chosen.id, startsAt: chosen.startsAt, endsAt: chosen.endsAt, status: chosen.status } : null,
    windowFreezeConflict: freezeHits.length ? { reason: [...new Set(freezeHits.map((h) => h.reason))].join("; ") } : null,
  };
  const readiness = computeReadiness(input);
  return {
    readiness,
    dto: toReadinessDTO(readiness, now),
    now,
    launch,
    items,
    sections,
    window: chosen
      ? {
          id: chosen.id, startsAt: chosen.startsAt, endsAt: chosen.endsAt, status: chosen.status, timeZone: chosen.timeZone,
          environment: chosen.environment.name, freezeOverrideReason: chosen.freezeOverrideReason,
        }
      : null,
    freezeHits,
  };
}

async function hitsFor(r: Tx | typeof db, w: { startsAt: Date; endsAt: Date; environmentId: string }) {
  const rows = await r.freeze.findMany({
    where: {
      AND: [
        { OR: [{ environmentId: w.environmentId }, { environmentId: null }] },
        // Weekly rules repeat forever; one-off freezes only matter when they overlap the window.
        { OR: [{ kind: "WEEKLY" }, { startsAt: { lt: w.endsAt }, endsAt: { gt: w.startsAt } }] },
      ],
    },
  });
  const hits = freezesHitting({ start: w.startsAt, end: w.endsAt, environmentId: w.environmentId }, rows.map(freezeFromRow));
  return hits.map((h) => ({ reason: h.freeze.reason, start: h.occurrence.start, end: h.occurrence.end }));
}
