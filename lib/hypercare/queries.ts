import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { CriterionDTO, HypercareDTO, IncidentDTO, IncidentState, Severity } from "./types";

// Hypercare as the page and the live patch read it: one DTO, the same for every viewer of the launch
// (no emails, names only). Four queries whatever the size of the log.

const name = { select: { name: true } } as const;

export const CRITERION_SELECT = {
  id: true, kind: true, title: true, position: true, days: true, comparator: true, threshold: true, unit: true, hours: true,
  value: true, valueRecordedAt: true, signedAt: true, version: true, valueRecordedBy: name, signedBy: name,
} as const;

type CriterionRow = {
  id: string; kind: CriterionDTO["kind"]; title: string; position: number; days: number | null; comparator: CriterionDTO["comparator"];
  threshold: string | null; unit: string; hours: number | null; value: string | null; valueRecordedAt: Date | null; signedAt: Date | null;
  version: number; valueRecordedBy: { name: string } | null; signedBy: { name: string } | null;
};

export function toCriterionDTO(r: CriterionRow): CriterionDTO {
  const { valueRecordedBy, signedBy, valueRecordedAt, signedAt, ...rest } = r;
  return {
    ...rest,
    valueRecordedAt: valueRecordedAt?.toISOString() ?? null,
    valueRecordedByName: valueRecordedBy?.name ?? null,
    signedAt: signedAt?.toISOString() ?? null,
    signedByName: signedBy?.name ?? null,
  };
}

export const INCIDENT_SELECT = {
  id: true, number: true, title: true, severity: true, highestSeverity: true, state: true, releaseRelated: true, rollbackTrigger: true,
  ownerId: true, openedAt: true, resolvedAt: true, version: true, owner: name, openedBy: name,
  notes: {
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, fromState: true, toState: true, severity: true, createdAt: true, author: name },
  },
} as const;

type IncidentRow = {
  id: string; number: number; title: string; severity: number; highestSeverity: number; state: IncidentState; releaseRelated: boolean;
  rollbackTrigger: boolean; ownerId: string | null; openedAt: Date; resolvedAt: Date | null; version: number;
  owner: { name: string } | null; openedBy: { name: string } | null;
  notes: { id: string; body: string; fromState: IncidentState | null; toState: IncidentState | null; severity: number | null; createdAt: Date; author: { name: string } | null }[];
};

export function toIncidentDTO(r: IncidentRow): IncidentDTO {
  return {
    id: r.id, number: r.number, title: r.title, severity: r.severity as Severity, highestSeverity: r.highestSeverity as Severity, state: r.state,
    releaseRelated: r.releaseRelated, rollbackTrigger: r.rollbackTrigger, ownerId: r.ownerId, ownerName: r.owner?.name ?? null,
    openedByName: r.openedBy?.name ?? null, openedAt: r.openedAt.toISOString(), resolvedAt: r.resolvedAt?.toISOString() ?? null, version: r.version,
    notes: r.notes.map((n) => ({
      id: n.id, authorName: n.author?.name ?? null, body: n.body, fromState: n.fromState, toState: n.toState, severity: n.severity, at: n.createdAt.toISOString(),
    })),
  };
}

export async function loadHypercare(launchId: string, client: Tx | typeof db = db): Promise<HypercareDTO> {
  const [launch, record, criteria, incidents] = await Promise.all([
    client.launch.findUnique({ where: { id: launchId }, select: { status: true, timeZone: true } }),
    client.hypercare.findUnique({
      where: { launchId },
      select: { startedAt: true, plannedEndAt: true, closedAt: true, overrideReason: true, overriddenBlockers: true, version: true, closedBy: name },
    }),
    client.hypercareCriterion.findMany({ where: { launchId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: CRITERION_SELECT }),
    client.incident.findMany({ where: { launchId }, orderBy: { number: "desc" }, select: INCIDENT_SELECT }),
  ]);
  return {
    status: launch?.status ?? "PLANNING",
    timeZone: launch?.timeZone ?? "UTC",
    hypercare: record
      ? {
          startedAt: record.startedAt.toISOString(),
          plannedEndAt: record.plannedEndAt.toISOString(),
          closedAt: record.closedAt?.toISOString() ?? null,
          closedByName: record.closedBy?.name ?? null,
          overrideReason: record.overrideReason,
          overriddenBlockers: record.overriddenBlockers,
          version: record.version,
        }
      : null,
    criteria: criteria.map(toCriterionDTO),
    incidents: incidents.map(toIncidentDTO),
  };
}
