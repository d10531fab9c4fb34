import { describe, expect, it } from "vitest";
import type { ItemDTO } from "./dto";
import { filterItems, filtersToSearch, isActive, parseFilters } from "./filter";

const base: ItemDTO = {
  id: "a",
  sectionId: "s1",
  position: 0,
  title: "Load test at 2x peak",
  description: "",
  ownerId: "eli",
  dueAt: null,
  dueOffsetMinutes: -2880,
  dueResolved: "2026-06-01T08:00:00.000Z",
  required: true,
  requiresEvidence: false,
  status: "TODO",
  statusReason: null,
  evidenceNote: "",
  evidenceLinks: [],
  predecessorIds: [],
  commentCount: 0,
  version: 1,
  updatedAt: "2026-05-01T00:00:00.000Z",
  updatedByName: null,
};
const items: ItemDTO[] = [
  base,
  { ...base, id: "b", title: "Rotate secrets", ownerId: "noor", status: "BLOCKED", statusReason: "Vault upgrade pending", sectionId: "s2" },
  { ...base, id: "c", title: "Smoke test", ownerId: null, required: false, dueResolved: null },
  { ...base, id: "d", title: "Backups", status: "DONE" },
];
const now = new Date("2026-06-02T00:00:00Z");
const ids = (search: string) => filterItems(items, parseFilters(new URLSearchParams(search)), "eli", now).map((i) => i.id);

describe("checklist filters", () => {
  it("filters by mine, blocked, overdue, required, section and owner, combined with AND", () => {
    expect(ids("")).toEqual(["a", "b", "c", "d"]);
    expect(ids("mine=1")).toEqual(["a", "d"]);
    expect(ids("blocked=1")).toEqual(["b"]);
    // Done items are never overdue; items without a resolvable due neither.
    expect(ids("overdue=1")).toEqual(["a", "b"]);
    expect(ids("required=1")).toEqual(["a", "b", "d"]);
    expect(ids("section=s2")).toEqual(["b"]);
    expect(ids("owner=none")).toEqual(["c"]);
    expect(ids("mine=1&overdue=1")).toEqual(["a"]);
  });

  it("searches every word in title, description, reason and evidence, ignoring case", () => {
    expect(ids("q=TEST")).toEqual(["a", "c"]);
    expect(ids("q=vault+secrets")).toEqual(["b"]);
    expect(ids("q=nothing")).toEqual([]);
  });

  it("round-trips through the URL, keeping unrelated params and leaving defaults out", () => {
    const filters = parseFilters(new URLSearchParams("blocked=1&q=dns&item=x"));
    expect(isActive(filters)).toBe(true);
    expect(filtersToSearch(filters, new URLSearchParams("item=x&mine=1"))).toBe("?item=x&blocked=1&q=dns");
    expect(filtersToSearch(parseFilters(new URLSearchParams("")))).toBe("");
    expect(isActive(parseFilters(new URLSearchParams("")))).toBe(false);
  });
});
