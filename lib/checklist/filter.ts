// The checklist's filters, read from and written to the URL's search params so a filtered view can be
// shared or bookmarked. Pure: the list, the counts and the keyboard navigation all use it.

import type { ItemDTO } from "./dto";
import { isResolved } from "./types";

export type ChecklistFilters = {
  mine: boolean;
  blocked: boolean;
  overdue: boolean;
  required: boolean;
  section: string | null;
  /** A user id, or "none" for unassigned items. */
  owner: string | null;
  q: string;
};

type Params = { get(name: string): string | null };

export function parseFilters(params: Params): ChecklistFilters {
  const flag = (name: string) => params.get(name) === "1";
  return {
    mine: flag("mine"),
    blocked: flag("blocked"),
    overdue: flag("overdue"),
    required: flag("required"),
    section: params.get("section") || null,
    owner: params.get("owner") || null,
    q: (params.get("q") ?? "").trim(),
  };
}

/** The search string for `filters`, keeping unrelated params; defaults are left out. */
export function filtersToSearch(filters: ChecklistFilters, base: Params & { toString(): string } = new URLSearchParams()): string {
  const out = new URLSearchParams(base.toString());
  for (const name of ["mine", "blocked", "overdue", "required"] as const) {
    if (filters[name]) out.set(name, "1");
    else out.delete(name);
  }
  for (const name of ["section", "owner", "q"] as const) {
    if (filters[name]) out.set(name, filters[name]!);
    else out.delete(name);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

export function isActive(filters: ChecklistFilters) {
  return filters.mine || filters.blocked || filters.overdue || filters.required || !!filters.section || !!filters.owner || !!filters.q;
}

export function itemOverdue(item: Pick<ItemDTO, "status" | "dueResolved">, now: Date) {
  return !isResolved(item.status) && item.dueResolved !== null && new Date(item.dueResolved).getTime() < now.getTime();
}

export function filterItems<T extends ItemDTO>(items: readonly T[], filters: ChecklistFilters, viewerId: string, now: Date): T[] {
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filters.mine && item.ownerId !== viewerId) return false;
    if (filters.blocked && item.status !== "BLOCKED") return false;
    if (filters.overdue && !itemOverdue(item, now)) return false;
    if (filters.required && !item.required) return false;
    if (filters.section && item.sectionId !== filters.section) return false;
    if (filters.owner && (filters.owner === "none" ? item.ownerId !== null : item.ownerId !== filters.owner)) return false;
    if (words.length) {
      const text = `${item.title} ${item.description} ${item.statusReason ?? ""} ${item.evidenceNote}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}
