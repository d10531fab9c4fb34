import "server-only";
import { db } from "@/lib/db/client";
import type { CommentDTO } from "@/lib/checklist/dto";
import type { ReadinessDTO } from "@/lib/readiness/dto";
import { loadReadiness, withItems, type LoadedReadiness } from "@/lib/readiness/load";
import type { ItemDTO } from "@/lib/checklist/dto";
import type { WindowDto } from "@/lib/windows/dto";
import type { MemberRow } from "@/lib/launches/queries";
import { listGoDecisions } from "@/lib/signoff/go-queries";
import { listSignoffGroups } from "@/lib/signoff/queries";
import { listLaunchWindows } from "@/lib/windows/queries";
import { listStatusUpdates } from "@/lib/status-updates/queries";
import { loadHypercare } from "@/lib/hypercare/queries";
import type { RunbookDto } from "@/lib/runbook/dto";
import { ponrOf } from "@/lib/runbook/from-dto";
import { loadExecutionDeltas, loadRunbook } from "@/lib/runbook/load";
import { mergeExecutions } from "./patch";
import { loadItemDTOs, loadMembersPart, loadMetaUnchecked, loadOverviewWithInputs, overviewPartFrom, redactMembers } from "@/lib/launches/view";
import type { LivePatch, OverviewDTO } from "@/lib/launches/view-types";
import { browserReadiness, diffOverview, diffReadiness } from "./delta";
import type { LiveEvent } from "./events";
import { touchedBy } from "./touched";


/**
 * The runbook as this instance last read it for a launch, kept between batches (by the listener, per
 * watched launch): a batch of task executions merges its delta into it instead of reading 1,000 tasks
 * again to move the point of no return. Read afresh whenever the plan changed, and at least every minute.
 */
export type RunbookMemo = { dto: RunbookDto; readAt: number };
const RUNBOOK_MEMO_MS = 60_000;

/**
 * What readiness and the overview were last computed from for a launch (readiness inputs, windows, team),
 * kept by the listener: a batch that changed only items (the ticks of a cutover) recomputes both from it
 * with those items read afresh, instead of reading the whole launch again. Any other change reads afresh.
 * It expires after a minute, and at the next start or end of a window, when the measured window may move.
 */
export type ReadinessMemo = { loaded: LoadedReadiness; windows: WindowDto[]; members: MemberRow[]; expiresAt: number };
const READINESS_MEMO_MS = 60_000;

function readinessMemoOf(loaded: LoadedReadiness, windows: WindowDto[], members: MemberRow[], now: number): ReadinessMemo {
  const boundaries = windows.flatMap((w) => [Date.parse(w.start), Date.parse(w.end)]).filter((t) => t > now);
  return { loaded, windows, members, expiresAt: Math.min(now + READINESS_MEMO_MS, ...boundaries) };
}

/** An item as readiness reads it, from its DTO (the same row, its due resolved against the same window). */
const itemState = (d: ItemDTO) => ({
  id: d.id, title: d.title, sectionId: d.sectionId, position: d.position, required: d.required, requiresEvidence: d.requiresEvidence,
  status: d.status, statusReason: d.statusReason, ownerId: d.ownerId, dueAt: d.dueResolved ? new Date(d.dueResolved) : null,
  evidenceNote: d.evidenceNote, evidenceLinks: d.evidenceLinks, predecessorIds: [],
});

/**
 * The readiness and overview the instance last sent for a launch (as the browser gets them): the next
 * batch sends only how they changed (lib/live/delta.ts). Null: send them whole (a stream's replay).
 */
export type LastSent = { readiness: ReadinessDTO | null; overview: OverviewDTO | null };

/**
 * A batch's patch in the shapes viewers may receive: with member emails (`full`) and without
 * (`restricted`), readiness and the overview as deltas against `last`; and `whole`, the same with them as
 * whole DTOs (share pages re-filter it, lib/share/dto.ts). `sent` is the next batch's `last`.
 */
export type BatchPatch = {
  full: LivePatch;
  restricted: LivePatch;
  whole: LivePatch;
  sent: LastSent;
  runbookMemo: RunbookMemo | null;
  readinessMemo: ReadinessMemo | null;
};

/** Readiness compared without its timestamp: "did it change?" */
export const readinessKey = (dto: ReadinessDTO) => JSON.stringify({ ...dto, computedAt: undefined });

/**
 * Reads what a batch of events changed, once per instance per batch (never per viewer): the changed
 * entities as the DTOs the pages render from, and readiness and the overview when they differ from what
 * was sent last (as deltas against it).
 */
export async function buildPatch(
  launchId: string,
  events: readonly LiveEvent[],
  last: LastSent | null,
  runbookMemo: RunbookMemo | null = null,
  readinessMemo: ReadinessMemo | null = null,
): Promise<BatchPatch> {
  const t = touchedBy(events);
  const now = Date.now();
  const wantItems = t.items === "all" || t.items.size > 0;
  const wantOverview = t.overview || t.members || t.windows || t.groups;
  // Only items changed and the memo is current: readiness and the overview need no read of their own.
  const fromMemo = t.itemsOnly && readinessMemo !== null && now < readinessMemo.expiresAt ? readinessMemo : null;
  const itemsRead = wantItems ? loadItemDTOs(launchId, t.items === "all" ? "all" : [...t.items]) : undefined;
  // Awaited below, after the readiness read: marked handled now, so a failure meanwhile is not an
  // unhandled rejection (which would end the process); the batch still fails with it and is read again.
  itemsRead?.catch(() => {});
  const loaded = !t.readiness
    ? null
    : fromMemo
      ? withItems(fromMemo.loaded, ((await itemsRead) ?? []).map(itemState), new Date(now))
      : await loadReadiness(launchId).catch(() => null);
  const execDeltas = t.runbookExec.length ? loadExecutionDeltas(launchId, t.runbookExec) : undefined;
  // The runbook is read once and serves its own part, the overview's point of no return and the memo.
  const memo = runbookMemo && now - runbookMemo.readAt < RUNBOOK_MEMO_MS ? runbookMemo : null;
  const runbookFresh = t.runbook || (!memo && (wantOverview || t.ponr)) ? loadRunbook(launchId) : undefined;
  const runbookNow: Promise<RunbookMemo> | undefined = runbookFresh
    ? runbookFresh.then((dto) => ({ dto, readAt: now }))
    : memo && execDeltas
      ? execDeltas.then((deltas) => ({ dto: mergeExecutions(memo.dto, deltas), readAt: memo.readAt }))
      : memo
        ? Promise.resolve(memo)
        : undefined;
  const runbookDto = runbookNow?.then((m) => m.dto);
  const overviewRead =
    !wantOverview ? undefined
    : fromMemo && loaded ? runbookDto?.then((rb) => ({ dto: overviewPartFrom(loaded, fromMemo.windows, fromMemo.members, rb, new Date(now)), windows: fromMemo.windows, members: fromMemo.members }))
    : loadOverviewWithInputs(launchId, { readiness: loaded ?? undefined }, runbookDto);
  const [meta, items, sections, groups, windows, members, go, overviewWith, comments, statusUpdates, hypercare, runbook, runbookExec, nextMemo] = await Promise.all([
    t.meta ? loadMetaUnchecked(launchId) : undefined,
    itemsRead,
    t.sections ? db.checklistSection.findMany({ where: { launchId }, orderBy: { position: "asc" }, select: { id: true, title: true, position: true, version: true } }) : undefined,
    t.groups && loaded ? listSignoffGroups(launchId, loaded.dto) : undefined,
    t.windows ? listLaunchWindows(launchId) : undefined,
    t.members ? loadMembersPart(launchId, true) : undefined,
    t.go ? listGoDecisions(launchId) : undefined,
    overviewRead,
    t.comments.length ? loadComments(t.comments) : undefined,
    t.statusUpdates ? listStatusUpdates(launchId) : undefined,
    t.hypercare ? loadHypercare(launchId) : undefined,
    t.runbook ? runbookFresh : undefined,
    execDeltas,
    runbookNow,
  ]);
  const overview = overviewWith?.dto;
  // The memo follows readiness: kept (with its items updated) through item-only batches, taken afresh when
  // this batch read readiness, windows and team together, and dropped when readiness was read without them.
  const nextReadinessMemo =
    !t.readiness ? readinessMemo
    : loaded && overviewWith ? (fromMemo ? { ...fromMemo, loaded } : readinessMemoOf(loaded, overviewWith.windows, overviewWith.members, now))
    : null;
  const whole: LivePatch = {};
  const full: LivePatch = {};
  if (meta) full.meta = meta;
  const readiness = loaded ? browserReadiness(loaded.dto) : null;
  if (readiness) {
    const delta = last?.readiness ? diffReadiness(last.readiness, readiness) : null;
    if (!last?.readiness) full.readiness = whole.readiness = readiness;
    else if (delta) {
      full.readinessDelta = delta;
      whole.readiness = readiness;
    }
  }
  if (items) {
    full.items = items;
    if (t.items === "all") full.itemsComplete = true;
  }
  if (t.deletedItemIds.size) full.deletedItemIds = [...t.deletedItemIds];
  if (sections) full.sections = sections;
  if (comments?.length) full.comments = comments;
  if (groups) full.groups = groups;
  if (windows) full.windows = windows;
  if (members) {
    full.members = members;
    full.checklistMembers = members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role }));
  }
  if (go) full.go = go;
  if (overview) {
    const delta = last?.overview ? diffOverview(last.overview, overview) : null;
    if (!last?.overview) full.overview = whole.overview = overview;
    else if (delta) {
      full.overviewDelta = delta;
      whole.overview = overview;
    }
  }
  if (statusUpdates) full.statusUpdates = statusUpdates;
  if (hypercare) full.hypercare = hypercare;
  if (runbook) full.runbook = runbook;
  if (runbookExec?.length) full.runbookExec = runbookExec;
  if (t.ponr && !overview && nextMemo) full.ponr = ponrOf(nextMemo.dto, new Date(now));
  const restricted: LivePatch = { ...full };
  if (full.members) restricted.members = redactMembers(full.members, false);
  if (full.checklistMembers) restricted.checklistMembers = redactMembers(full.checklistMembers, false);
  // Share pages re-filter whole DTOs; everything else is the same as members get it.
  const { readinessDelta: _readiness, overviewDelta: _overview, ...same } = full;
  const wholePatch: LivePatch = { ...same, ...whole };
  const lastOverview = last?.overview && full.ponr ? { ...last.overview, runbook: full.ponr } : (last?.overview ?? null);
  const sent: LastSent = { readiness: readiness ?? last?.readiness ?? null, overview: overview ?? lastOverview };
  return { full, restricted, whole: wholePatch, sent, runbookMemo: nextMemo ?? runbookMemo, readinessMemo: nextReadinessMemo };
}

async function loadComments(refs: { itemId: string; commentId: string }[]): Promise<{ itemId: string; comment: CommentDTO }[]> {
  const rows = await db.itemComment.findMany({
    where: { id: { in: refs.map((r) => r.commentId) } },
    select: { id: true, itemId: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((c) => ({ itemId: c.itemId, comment: { id: c.id, authorName: c.author.name, body: c.body, at: c.createdAt.toISOString() } }));
}
