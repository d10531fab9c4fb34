import "server-only";
import { loadReadiness } from "@/lib/readiness/load";
import { listLaunchWindows } from "@/lib/windows/queries";
import type { PendingPerson } from "@/components/launches/who-must-act";
import { listActivity, listMembers } from "./queries";

const ACTIVE = new Set(["SCHEDULED", "IN_PROGRESS"]);

/** Everything the overview shows, read once: readiness, the next window, who must act, activity, team. */
export async function loadOverview(launchId: string) {
  const [loaded, windows, activity, members] = await Promise.all([
    loadReadiness(launchId),
    listLaunchWindows(launchId),
    listActivity(launchId, { limit: 10 }),
    listMembers(launchId),
  ]);
  const now = Date.now();
  const upcoming = windows
    .filter((w) => ACTIVE.has(w.status) || w.status === "PROPOSED")
    .filter((w) => new Date(w.end).getTime() > now)
    .sort((a, b) => Number(ACTIVE.has(b.status)) - Number(ACTIVE.has(a.status)) || a.start.localeCompare(b.start));
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const pending = new Map<string, PendingPerson>();
  const add = (userId: string, what: string) => {
    const p = pending.get(userId) ?? { userId, name: names.get(userId) ?? "A former member", what: [] };
    p.what.push(what);
    pending.set(userId, p);
  };
  const open = new Map<string, number>();
  for (const item of loaded.items) {
    if (item.required && item.status !== "DONE" && item.status !== "NOT_APPLICABLE" && item.ownerId) {
      open.set(item.ownerId, (open.get(item.ownerId) ?? 0) + 1);
    }
  }
  for (const [userId, n] of open) add(userId, `${n} required ${n === 1 ? "check" : "checks"} open`);
  for (const group of Object.values(loaded.dto.groups)) {
    if (group.status === "APPROVED") continue;
    for (const userId of group.waitingOn) add(userId, `sign-off for ${group.name}`);
  }
  return { readiness: loaded.dto, window: upcoming[0] ?? null, activity, members, pending: [...pending.values()] };
}
