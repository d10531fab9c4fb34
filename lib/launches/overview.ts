import "server-only";
import { loadReadiness, type LoadedReadiness } from "@/lib/readiness/load";
import { measuredWindow } from "@/lib/windows/measured";
import { listLaunchWindows } from "@/lib/windows/queries";
import type { PendingPerson } from "@/components/launches/who-must-act";
import { plural } from "@/lib/checklist/quote-list";
import { listActivity, listMembers, type MemberRow } from "./queries";
import type { WindowDto } from "@/lib/windows/dto";
import { unownedWork } from "./unowned-work";


/** Reads a caller has already made or started (a live batch's readiness, a render's shared reads). */
export type OverviewReads = { readiness?: LoadedReadiness | Promise<LoadedReadiness>; windows?: Promise<WindowDto[]>; members?: Promise<MemberRow[]> };

/**
 * Everything the overview shows, read once: readiness, the next window, who must act, activity, team.
 * A live batch that has read the readiness already passes it in, and needs no activity.
 */
export async function loadOverview(launchId: string, opts: OverviewReads & { activity?: boolean } = {}) {
  const [loaded, windows, activity, members] = await Promise.all([
    opts.readiness ?? loadReadiness(launchId),
    opts.windows ?? listLaunchWindows(launchId),
    opts.activity === false ? [] : listActivity(launchId, { limit: 10 }),
    opts.members ?? listMembers(launchId),
  ]);
  return { ...overviewFrom(loaded, windows, members, new Date()), activity, members, windows };
}

/**
 * The overview's window and who must act, from what was read: pure, so a live batch that changed only
 * items recomputes it from the launch's windows and team as it last read them (lib/live/enrich.ts).
 */
export function overviewFrom(loaded: LoadedReadiness, windows: readonly WindowDto[], members: readonly MemberRow[], now: Date) {
  const measured = measuredWindow(windows, now);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const pending = new Map<string, PendingPerson>();
  const add = (userId: string, what: string) => {
    const p = pending.get(userId) ?? { userId, name: names.get(userId) ?? "A former member", what: [] };
    p.what.push(what);
    pending.set(userId, p);
  };
  const open = new Map<string, number>();
  let unowned = 0;
  for (const item of loaded.items) {
    if (!item.required || item.status === "DONE" || item.status === "NOT_APPLICABLE") continue;
    if (item.ownerId) open.set(item.ownerId, (open.get(item.ownerId) ?? 0) + 1);
    else unowned += 1;
  }
  for (const [userId, n] of open) add(userId, `${plural(n, "required check")} open`);
  const unstaffed: string[] = [];
  for (const group of Object.values(loaded.dto.groups)) {
    if (group.status === "APPROVED") continue;
    if (group.problem && group.waitingOn.length === 0 && group.approvals === 0) unstaffed.push(group.name);
    for (const userId of group.waitingOn) add(userId, `sign-off for ${group.name}`);
  }
  // Work nobody owns is exactly what a manager must act on: it comes first, addressed to the managers.
  const gaps = unownedWork(unowned, unstaffed);
  return { readiness: loaded.dto, window: measured, pending: [...gaps, ...pending.values()] };
}
