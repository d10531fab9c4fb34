import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { effectiveDue } from "@/lib/checklist/due";
import type { ItemState, ItemStatus, SectionState } from "@/lib/checklist/types";
import { NotFoundError } from "@/lib/domain/errors";
import { computeReadiness, type Readiness, type ReadinessInput } from "./readiness";
import type { DecisionState, SignoffRule } from "@/lib/signoff/rules";
import { freezeFromRow, freezesHitting } from "@/lib/windows/freeze";
import { anchorWindow, measuredWindow } from "@/lib/windows/measured";
import { toReadinessDTO, type ReadinessDTO } from "./dto";
import { latestPerApprover } from "./latest-decisions";
import { plan } from "@/lib/runbook/plan";

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
  /** What readiness was computed from, so a live batch can recompute it with changed items (withItems). */
  input: ReadinessInput;
};

/**
 * Readiness again after some items changed and nothing else did (the live listener's item-only batches):
 * the same pure computation on the same inputs, those items replaced, at `now`. No query.
 */
export function withItems(loaded: LoadedReadiness, changed: readonly (ItemState & { position: number })[], now: Date): LoadedReadiness {
  const byId = new Map(changed.map((i) => [i.id, i]));
  const items = loaded.items.map((i) => byId.get(i.id) ?? i);
  const input: ReadinessInput = { ...loaded.input, items, now };
  const readiness = computeReadiness(input);
  return { ...loaded, input, items, readiness, dto: toReadinessDTO(readiness, now), now };
}

export async function loadReadiness(launchId: string, tx?: Tx, now = new Date()): Promise<LoadedReadiness> {
  const loaded = (await loadReadinessMany([launchId], tx, now)).get(launchId);
  if (!loaded) throw new NotFoundError("Launch not found, or you are not a member of it.");
  return loaded;
}

/**
 * Readiness of several launches in the same fixed number of queries as one (the launches list):
 * launches, sections, items, groups, windows, and freezes only when a scheduled window needs them.
 */
export async function loadReadinessMany(launchIds: readonly string[], tx?: Tx, now = new Date()): Promise<Map<string, LoadedReadiness>> {
  const r = tx ?? db;
  const ids = [...new Set(launchIds)];
  const out = new Map<string, LoadedReadiness>();
  if (!ids.length) return out;
  const where = { launchId: { in: ids } };
  const [launches, sectionRows, itemRows, groupRows, windowRows, runbookRows] = await Promise.all([
    r.launch.findMany({ where: { id: { in: ids } }, select: { id: true, timeZone: true, atRiskHours: true, runbookRequired: true } }),
    r.checklistSection.findMany({ where, select: { id: true, launchId: true, title: true, position: true }, orderBy: { position: "asc" } }),
    r.checklistItem.findMany({
      where,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true, launchId: true, title: true, sectionId: true, position: true, required: true, requiresEvidence: true, status: true,
        statusReason: true, ownerId: true, dueAt: true, dueOffsetMinutes: true, evidenceNote: true, evidenceLinks: true,
      },
    }),
    r.signoffGroup.findMany({
      where,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true, launchId: true, name: true, rule: true, requiredCount: true,
        approvers: { select: { userId: true } },
        decisions: { orderBy: { createdAt: "asc" }, select: { approverId: true, decision: true, staleAt: true, withdrawnAt: true } },
      },
    }),
    // Candidates for the measured window (lib/windows/measured.ts decides which one counts).
    r.deploymentWindow.findMany({
      where: { ...where, OR: [{ status: "IN_PROGRESS" }, { status: { in: ["SCHEDULED", "PROPOSED"] }, endsAt: { gt: now } }] },
      orderBy: { startsAt: "asc" },
      select: {
        id: true, launchId: true, startsAt: true, endsAt: true, status: true, timeZone: true, environmentId: true, freezeOverrideReason: true,
        environment: { select: { name: true } },
      },
    }),
    // The runbook's plan (durations, fixed starts, dependencies): does it fit the window? (issue 12)
    r.runbook.findMany({
      where,
      select: {
        launchId: true,
        // In the runbook's own order (lib/runbook/load.ts): relations loaded by join keep no order of their own.
        tasks: { select: { id: true, durationMin: true, fixedStart: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
        deps: { select: { fromId: true, toId: true, type: true, lagMin: true }, orderBy: { id: "asc" } },
      },
    }),
  ]);
  const runbookOf = new Map(runbookRows.map((rb) => [rb.launchId, rb]));
  const by = <T extends { launchId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const row of rows) (m.get(row.launchId) ?? m.set(row.launchId, []).get(row.launchId)!).push(row);
    return m;
  };
  const [sectionsOf, itemsOf, groupsOf, windowsOf] = [by(sectionRows), by(itemRows), by(groupRows), by(windowRows)];

  const chosenOf = new Map(
    launches.map((l) => {
      const candidates = (windowsOf.get(l.id) ?? []).map((w) => ({ ...w, start: w.startsAt, end: w.endsAt }));
      return [l.id, { chosen: measuredWindow(candidates, now), scheduled: anchorWindow(candidates, now) }] as const;
    }),
  );
  const needFreezes = [...chosenOf.values()].map((c) => c.scheduled).filter((w): w is NonNullable<typeof w> => !!w && !w.freezeOverrideReason);
  const hits = await hitsForMany(r, needFreezes);

  for (const launch of launches) {
    const { chosen, scheduled } = chosenOf.get(launch.id)!;
    const freezeHits = scheduled ? (hits.get(scheduled.id) ?? []) : [];
    const sections = (sectionsOf.get(launch.id) ?? []).map(({ launchId: _l, ...s }) => s);
    const items = (itemsOf.get(launch.id) ?? []).map(({ dueOffsetMinutes, launchId: _l, ...item }) => ({
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
      groups: (groupsOf.get(launch.id) ?? []).map((g) => ({
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
      runbook: runbookFit(runbookOf.get(launch.id), launch.runbookRequired, chosen),
    };
    const readiness = computeReadiness(input);
    out.set(launch.id, {
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
      input,
    });
  }
  return out;
}

/** The runbook's planned slack to the window end (null: no window or no tasks to time). */
function runbookFit(
  rb: { tasks: { id: string; durationMin: number; fixedStart: Date | null }[]; deps: { fromId: string; toId: string; type: "FS" | "SS"; lagMin: number }[] } | undefined,
  required: boolean,
  window: { startsAt: Date; endsAt: Date } | null,
): ReadinessInput["runbook"] {
  if (!rb) return { required, exists: false, slackMin: null };
  if (!window || !rb.tasks.length) return { required, exists: true, slackMin: null };
  try {
    const tasks = rb.tasks.map((t) => ({ id: t.id, stream: "", durationMin: t.durationMin, ...(t.fixedStart ? { fixedStart: t.fixedStart } : {}) }));
    const deps = rb.deps.map((d) => ({ from: d.fromId, to: d.toId, type: d.type, lagMin: d.lagMin }));
    return { required, exists: true, slackMin: plan(tasks, deps, { start: window.startsAt, end: window.endsAt }).slackMin };
  } catch {
    return { required, exists: true, slackMin: null };
  }
}

type FreezeCandidate = { id: string; startsAt: Date; endsAt: Date; environmentId: string };

/** Freeze hits of several windows in one query. */
async function hitsForMany(r: Tx | typeof db, windows: FreezeCandidate[]) {
  const out = new Map<string, { reason: string; start: Date; end: Date }[]>();
  if (!windows.length) return out;
  const rows = await r.freeze.findMany({
    where: {
      AND: [
        { OR: [{ environmentId: { in: [...new Set(windows.map((w) => w.environmentId))] } }, { environmentId: null }] },
        // Weekly rules repeat forever; one-off freezes only matter when they overlap a window.
        { OR: [{ kind: "WEEKLY" }, ...windows.map((w) => ({ startsAt: { lt: w.endsAt }, endsAt: { gt: w.startsAt } }))] },
      ],
    },
  });
  const freezes = rows.map(freezeFromRow);
  for (const w of windows) {
    const hits = freezesHitting({ start: w.startsAt, end: w.endsAt, environmentId: w.environmentId }, freezes);
    out.set(w.id, hits.map((h) => ({ reason: h.freeze.reason, start: h.occurrence.start, end: h.occurrence.end })));
  }
  return out;
}
