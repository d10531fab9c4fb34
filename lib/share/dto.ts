// What a share link shows, and nothing else. Client-safe and pure. Every field is copied by name from the
// team's DTOs (an allow-list): a field added to a launch DTO later never reaches a share page by accident.
// No people (unless the link allows update authors' names), no comments, no evidence, no notes, no ids of
// users, items or groups.

import type { LaunchMetaDTO, LivePatch, StatusUpdateDTO } from "@/lib/launches/view-types";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import type { RunbookPonrDto } from "@/lib/runbook/dto";
import type { WindowDto } from "@/lib/windows/dto";

export type ShareLaunch = { name: string; system: string; status: string; timeZone: string };
export type ShareReason = { code: string; severity: "blocker" | "risk"; message: string };
export type ShareReadiness = { state: ReadinessDTO["state"]; reasons: ShareReason[]; computedAt: string };
export type ShareSection = { title: string; done: number; total: number; percent: number };
export type ShareProgress = { percent: number; requiredResolved: number; requiredTotal: number; sections: ShareSection[] };
export type ShareWindow = {
  environment: string;
  status: string;
  start: string;
  end: string;
  timeZone: string;
  checkpoint: string | null;
  pointOfNoReturn: string | null;
};
export type ShareUpdate = {
  id: string;
  title: string;
  message: string;
  impact: StatusUpdateDTO["impact"];
  state: StatusUpdateDTO["state"];
  components: string[];
  createdAt: string;
  updatedAt: string;
  /** Only on links whose manager allowed names. */
  authorName?: string | null;
};
/**
 * The runbook's live forecast against the window end, when the launch has a runbook timed in a window
 * (null otherwise: the share page then shows nothing of it). No task names, no people.
 */
export type ShareRunbook = { forecastEnd: string; slackMin: number; late: boolean } | null;

export const shareRunbook = (p: RunbookPonrDto | null | undefined): ShareRunbook =>
  p?.forecastEnd && p.slackMin !== null ? { forecastEnd: p.forecastEnd, slackMin: p.slackMin, late: p.slackMin < 0 } : null;

export type ShareLinkInfo = { name: string; showNames: boolean; expiresAt: string | null };

export type ShareDTO = {
  link: ShareLinkInfo;
  launch: ShareLaunch;
  readiness: ShareReadiness | null;
  window: ShareWindow | null;
  progress: ShareProgress | null;
  updates: ShareUpdate[];
  runbook: ShareRunbook;
};

/** What a share stream message may carry: absent parts did not change. */
export type SharePatch = Partial<Pick<ShareDTO, "launch" | "readiness" | "window" | "progress" | "updates" | "runbook">>;
export type ShareMessage = { patch: SharePatch };

export const shareLaunch = (m: Pick<LaunchMetaDTO, "name" | "system" | "status" | "timeZone">): ShareLaunch => ({
  name: m.name, system: m.system, status: m.status, timeZone: m.timeZone,
});

export const shareReadiness = (r: ReadinessDTO): ShareReadiness => ({
  state: r.state,
  reasons: r.reasons.map((x) => ({ code: x.code, severity: x.severity, message: x.message })),
  computedAt: r.computedAt,
});

export const shareProgress = (r: ReadinessDTO): ShareProgress => ({
  percent: r.checklist.percent,
  requiredResolved: r.checklist.requiredDone + r.checklist.waived,
  requiredTotal: r.checklist.requiredTotal,
  sections: r.checklist.sections.map((s) => ({ title: s.title, done: s.done, total: s.total, percent: s.percent })),
});

export const shareWindow = (w: WindowDto | null): ShareWindow | null =>
  w && {
    environment: w.environment, status: w.status, start: w.start, end: w.end, timeZone: w.timeZone,
    checkpoint: w.checkpoint, pointOfNoReturn: w.pointOfNoReturn,
  };

export function shareUpdate(u: StatusUpdateDTO, showNames: boolean): ShareUpdate {
  const out: ShareUpdate = {
    id: u.id, title: u.title, message: u.message, impact: u.impact, state: u.state, components: [...u.components],
    createdAt: u.createdAt, updatedAt: u.updatedAt,
  };
  if (showNames) out.authorName = u.authorName;
  return out;
}

/**
 * A live batch's patch, re-filtered for a share page: only the parts it shows, each through its allow-list.
 * Null when the batch changed nothing a share page shows (the stream then only advances its cursor).
 */
export function sharePatchOf(patch: LivePatch, showNames: boolean): SharePatch | null {
  const out: SharePatch = {};
  if (patch.meta) out.launch = shareLaunch(patch.meta);
  if (patch.readiness) {
    out.readiness = shareReadiness(patch.readiness);
    out.progress = shareProgress(patch.readiness);
  }
  if (patch.overview) out.window = shareWindow(patch.overview.window);
  const ponr = patch.overview ? patch.overview.runbook : patch.ponr;
  if (ponr !== undefined) out.runbook = shareRunbook(ponr);
  if (patch.statusUpdates) out.updates = patch.statusUpdates.map((u) => shareUpdate(u, showNames));
  return Object.keys(out).length ? out : null;
}

/** Applies a share message to the page's cached DTO (pure; the client patches its one cache entry). */
export function applySharePatch(dto: ShareDTO, patch: SharePatch): ShareDTO {
  return { ...dto, ...patch };
}
