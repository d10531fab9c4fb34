"use client";
import { Download, FilePlus2, Keyboard, LoaderCircle, Save, Search, Upload, X } from "lucide-react";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import type { ChecklistDTO } from "@/lib/checklist/dto";
import { isActive, type ChecklistFilters } from "@/lib/checklist/filter";
import { useAnySaving } from "./pending-store";

type Props = {
  checklist: ChecklistDTO;
  filters: ChecklistFilters;
  onChange: (next: ChecklistFilters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  shown: number;
  onImport: () => void;
  onSaveTemplate: () => void;
  onAddSection: () => void;
  onShortcuts: () => void;
};

const TOGGLES = [
  ["mine", "Mine"],
  ["blocked", "Blocked"],
  ["overdue", "Overdue"],
  ["required", "Required"],
] as const;

/** Filters (kept in the URL), search, and the checklist-wide actions the viewer may take. */
export function ChecklistToolbar({ checklist, filters, onChange, searchRef, shown, onImport, onSaveTemplate, onAddSection, onShortcuts }: Props) {
  const { viewer } = checklist;
  const set = (patch: Partial<ChecklistFilters>) => onChange({ ...filters, ...patch });
  // The export reads what the server has: while a change of this tab is in flight it would miss it.
  const saving = useAnySaving();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-48 flex-1">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
          <input
            ref={searchRef}
            type="search"
            value={filters.q}
            onChange={(e) => set({ q: e.target.value })}
            onKeyDown={(e) => {
              // Esc leaves the box with the results kept (the browser would clear a search field and keep
              // focus there), so the next j/k/x acts on the list instead of typing into the search.
              if (e.key !== "Escape") return;
              e.preventDefault();
              e.currentTarget.blur();
            }}
            placeholder="Search checks  ( / )"
            aria-label="Search checks"
            className="h-9 w-full rounded-md bg-white pl-8 pr-3 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:outline-none focus:ring-2 focus:ring-accent-500 dark:bg-zinc-900 dark:ring-zinc-700"
          />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a
            href={`/api/launches/${checklist.launchId}/checklist.csv`}
            download
            aria-disabled={saving || undefined}
            onClick={(e) => {
              if (saving) e.preventDefault();
            }}
            className={cn(
              "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-zinc-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800",
              saving && "cursor-wait hover:bg-transparent dark:hover:bg-transparent",
            )}
          >
            {saving ? <LoaderCircle className="size-4 animate-spin motion-reduce:animate-none" aria-hidden /> : <Download className="size-4" aria-hidden />}
            Export CSV
            {saving && <span className="sr-only">(waits until your changes are saved)</span>}
          </a>
          {viewer.structure && (
            <>
              <Button variant="secondary" size="sm" onClick={onImport}>
                <Upload className="size-4" aria-hidden /> Import CSV
              </Button>
              <Button variant="secondary" size="sm" onClick={onAddSection}>
                <FilePlus2 className="size-4" aria-hidden /> Add section
              </Button>
            </>
          )}
          {viewer.saveTemplate && checklist.sections.length > 0 && (
            <Button variant="secondary" size="sm" onClick={onSaveTemplate}>
              <Save className="size-4" aria-hidden /> Save as template
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={onShortcuts} aria-label="Keyboard shortcuts" className="max-sm:hidden">
            <Keyboard className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
        {TOGGLES.map(([name, label]) => (
          <button
            key={name}
            type="button"
            aria-pressed={filters[name]}
            onClick={() => set({ [name]: !filters[name] })}
            className={cn(
              "h-8 rounded-full px-3 text-sm font-medium ring-1 ring-inset",
              filters[name]
                ? "bg-accent-600 text-white ring-accent-600"
                : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800",
            )}
          >
            {label}
          </button>
        ))}
        <label className="sr-only" htmlFor="filter-section">Section</label>
        <Select id="filter-section" className="h-8! w-auto! max-w-56 py-0! text-sm" value={filters.section ?? ""} onChange={(e) => set({ section: e.target.value || null })}>
          <option value="">All sections</option>
          {checklist.sections.map((s) => (
            <option key={s.id} value={s.id}>{s.title}</option>
          ))}
        </Select>
        <label className="sr-only" htmlFor="filter-owner">Owner</label>
        <Select id="filter-owner" className="h-8! w-auto! max-w-56 py-0! text-sm" value={filters.owner ?? ""} onChange={(e) => set({ owner: e.target.value || null })}>
          <option value="">Any owner</option>
          <option value="none">Unassigned</option>
          {checklist.members.map((m) => (
            <option key={m.userId} value={m.userId}>{m.name}</option>
          ))}
        </Select>
        {isActive(filters) && (
          <>
            <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {shown} of {checklist.items.length} shown
            </span>
            <Button variant="ghost" size="sm" onClick={() => onChange({ mine: false, blocked: false, overdue: false, required: false, section: null, owner: null, q: "" })}>
              <X className="size-4" aria-hidden /> Clear
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
