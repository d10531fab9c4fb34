import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { loadChecklist, loadItemDetail } from "@/lib/checklist/queries";
import { readItemDTOs } from "@/lib/checklist/item-dto";
import { NotFoundError } from "@/lib/domain/errors";
import type { Actor, Role } from "@/lib/domain/roles";
import { loadReadiness, type LoadedReadiness } from "@/lib/readiness/load";
import { changesSinceLastSignoff, listGoDecisions } from "@/lib/signoff/go-queries";
import { listSignoffGroups } from "@/lib/signoff/queries";
import { listLaunchWindows } from "@/lib/windows/queries";
import { listStatusUpdates } from "@/lib/status-updates/queries";
import { loadHypercare } from "@/lib/hypercare/queries";
import type { RunbookDto } from "@/lib/runbook/dto";
import type { WindowDto } from "@/lib/windows/dto";
import { ponrOf } from "@/lib/runbook/from-dto";
import { loadRunbook } from "@/lib/runbook/load";
import { redactActivity, seesInvitees } from "./event-privacy";
import { loadOverview, overviewFrom, type OverviewReads } from "./overview";
import { getLaunchForActor, goOverrideOf, listActivity, listMembers, type MemberRow } from "./queries";
import type { ViewPart } from "./query-keys";
import type { LaunchMetaDTO, OverviewDTO } from "./view-types";

// The server side of every launch query-cache entry: the page's prefetch, the GET route a browser
// refetches with (app/api/launches/[launchId]/view/[part]) and the live batch all read through here,
// so the three can never disagree about a shape.

/** Stakeholders (viewers) see teammates' names, not their email addresses. */
export const seesEmails = (role: Role | null, isAdmin: boolean) => isAdmin || (role !== null && role !== "VIEWER");

export function redactMembers<M extends { email: string }>(members: M[], emails: boolean): M[] {
  return emails ? members : members.map((m) => ({ ...m, email: "" }));
}

export async function loadMeta(launchId: string, actor: Actor): Promise<LaunchMetaDTO> {
  await getLaunchForActor(actor, launchId);
  const meta = await loadMetaUnchecked(launchId);
  if (!meta) throw new NotFoundError("Launch not found, or you are not a member of it.");
  return meta;
}

/** The meta without an actor (the live batch: it is the same for every viewer who may see the launch). */
export async function loadMetaUnchecked(launchId: string): Promise<LaunchMetaDTO | undefined> {
  const row = await db.launch.findUnique({
    where: { id: launchId },
    select: {
      id: true, name: true, system: true, description: true, status: true, timeZone: true, engineersTake: true,
      goDecisions: { orderBy: { createdAt: "desc" }, take: 1, select: { outcome: true, overrideReason: true } },
    },
  });
  if (!row) return undefined;
  const { goDecisions, ...rest } = row;
  return { ...rest, goOverride: goOverrideOf(rest.status, goDecisions) };
}

/**
 * Reads a server render shares. A launch layout and its page ask for one launch's readiness, team and
 * windows through several parts (the header's readiness, the overview, the sign-offs, the members), and
 * each is read once per render (React cache) and is the same snapshot for all of them. Outside a render
 * (route handlers, actions, the live batch) the cache does not hold: every call there reads afresh.
 */
const forRender = {
  readiness: cache((launchId: string) => loadReadiness(launchId)),
  members: cache((launchId: string) => listMembers(launchId)),
  windows: cache((launchId: string) => listLaunchWindows(launchId)),
};

/** The launch's team, read once per server render (the layout's names and the members part share it). */
export const membersForRender = forRender.members;

/** The overview part; `reads` are reads already made or started (by a live batch, by the render). */
export async function loadOverviewPart(launchId: string, reads: OverviewReads = {}): Promise<OverviewDTO> {
  return (await loadOverviewWithInputs(launchId, reads)).dto;
}

/** The overview part with the windows and team it was computed from (the live listener keeps them). */
export async function loadOverviewWithInputs(launchId: string, reads: OverviewReads = {}, runbook?: Promise<RunbookDto>) {
  const [{ window, pending, windows, members }, rb] = await Promise.all([loadOverview(launchId, { ...reads, activity: false }), runbook ?? loadRunbook(launchId)]);
  const dto: OverviewDTO = { window, pending, runbook: rb.runbook ? ponrOf(rb, new Date()) : null };
  return { dto, windows, members };
}

/** The overview part again from inputs already read: readiness, windows, team and runbook. No query. */
export function overviewPartFrom(loaded: LoadedReadiness, windows: readonly WindowDto[], members: readonly MemberRow[], rb: RunbookDto, now: Date): OverviewDTO {
  const { window, pending } = overviewFrom(loaded, windows, members, now);
  return { window, pending, runbook: rb.runbook ? ponrOf(rb, now) : null };
}

export async function loadSignoffsPart(launchId: string, readiness: Promise<LoadedReadiness> = loadReadiness(launchId)) {
  const { dto } = await readiness;
  return listSignoffGroups(launchId, dto);
}

export async function loadMembersPart(launchId: string, emails: boolean, members: Promise<MemberRow[]> = listMembers(launchId)): Promise<MemberRow[]> {
  return redactMembers(await members, emails);
}

/** Item DTOs of the launch: the given ids, or every item. One query whatever the count (readItemDTOs). */
export function loadItemDTOs(launchId: string, ids: readonly string[] | "all") {
  return readItemDTOs(db, launchId, ids);
}

export const ACTIVITY_LIMIT = 200;

/** One part for a signed-in actor, authorized by the one access rule. */
export async function loadViewPart(actor: Actor, launchId: string, part: ViewPart, opts: { itemId?: string } = {}): Promise<unknown> {
  const launch = await getLaunchForActor(actor, launchId);
  const emails = seesEmails(launch.role, actor.isAdmin);
  switch (part) {
    case "meta":
      return loadMeta(launchId, actor);
    case "readiness":
      return (await forRender.readiness(launchId)).dto;
    case "activity":
      return redactActivity(await listActivity(launchId, { limit: ACTIVITY_LIMIT }), seesInvitees(launch.role, actor.isAdmin));
    case "checklist": {
      const checklist = await loadChecklist(actor, launchId);
      return { ...checklist, members: redactMembers(checklist.members, emails) };
    }
    case "item":
      return loadItemDetail(actor, launchId, opts.itemId ?? "");
    case "signoffs":
      return loadSignoffsPart(launchId, forRender.readiness(launchId));
    case "windows":
      // The same for every viewer (so a live batch can carry it): clashes name no other launch.
      return forRender.windows(launchId);
    case "members":
      return loadMembersPart(launchId, emails, forRender.members(launchId));
    case "go":
      return listGoDecisions(launchId);
    case "changes":
      return changesSinceLastSignoff(launchId);
    case "overview":
      return loadOverviewPart(launchId, { readiness: forRender.readiness(launchId), members: forRender.members(launchId), windows: forRender.windows(launchId) });
    case "statusUpdates":
      return listStatusUpdates(launchId);
    case "hypercare":
      return loadHypercare(launchId);
    case "runbook":
      return loadRunbook(launchId);
  }
}
