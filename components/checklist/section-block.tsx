"use client";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import type { SectionDTO } from "@/lib/checklist/dto";
import type { SectionSummary } from "@/lib/checklist/readiness-summary";
import { ProgressBar } from "./progress-bar";

type Props = {
  section: SectionDTO;
  summary: SectionSummary | undefined;
  itemIds: string[];
  hiddenCount: number;
  canStructure: boolean;
  onAddItem: () => void;
  onRename: () => void;
  onDelete: () => void;
  children: ReactNode;
};

/** A section: its progress (required gates resolved / total) and its items, a drop target when empty. */
export function SectionBlock({ section, summary, itemIds: ids, hiddenCount, canStructure, onAddItem, onRename, onDelete, children }: Props) {
  // The same array while the ids are the same: a new one would re-render every sortable row of the section.
  const itemIds = useSameArray(ids);
  const s = summary ?? { requiredResolved: 0, requiredTotal: 0, percent: 100, blocked: 0, total: 0, done: 0 };
  const headingId = `section-${section.id}`;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800" data-testid="checklist-section">
      <header className="border-b border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 id={headingId} className="min-w-0 basis-full truncate text-sm font-semibold sm:flex-1 sm:basis-auto">
            {section.title}
          </h2>
          <p className="flex-1 text-xs tabular-nums text-zinc-600 sm:flex-none dark:text-zinc-400">
            {s.requiredTotal > 0 ? `${s.requiredResolved}/${s.requiredTotal} required · ${s.percent}%` : `${s.done}/${s.total} done`}
            {s.blocked > 0 && <span className="ml-2 font-medium text-red-700 dark:text-red-400">{s.blocked} blocked</span>}
          </p>
          {canStructure && (
            <div className="flex items-center">
              <button type="button" onClick={onAddItem} className="rounded p-1.5 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100" aria-label={`Add an item to ${section.title}`}>
                <Plus className="size-4" aria-hidden />
              </button>
              <button type="button" onClick={onRename} className="rounded p-1.5 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100" aria-label={`Rename ${section.title}`}>
                <Pencil className="size-4" aria-hidden />
              </button>
              <button type="button" onClick={onDelete} className="rounded p-1.5 text-zinc-500 dark:text-zinc-400 hover:bg-red-50 hover:text-red-700 dark:hover:bg-red-950 dark:hover:text-red-400" aria-label={`Delete ${section.title}`}>
                <Trash2 className="size-4" aria-hidden />
              </button>
            </div>
          )}
        </div>
        <ProgressBar percent={s.percent} blocked={s.blocked > 0} label={`${section.title}: ${s.percent}% of required checks resolved`} className="mt-2" />
      </header>
      {canStructure ? (
        <SortableItems section={section} itemIds={itemIds}>
          {children}
        </SortableItems>
      ) : (
        <ol className={LIST_CLASS} aria-label={`${section.title} items`}>
          {children}
        </ol>
      )}
      {itemIds.length === 0 && (
        <p className="px-3 py-3 text-sm text-zinc-500 dark:text-zinc-400">
          {hiddenCount > 0 ? `${hiddenCount} item${hiddenCount === 1 ? "" : "s"} hidden by the filters.` : canStructure ? "No items yet: add one, or drag one here." : "No items in this section."}
        </p>
      )}
    </section>
  );
}

const LIST_CLASS = "min-h-2 divide-y divide-zinc-100 dark:divide-zinc-800";

/** A manager's section: its rows sortable, and the list a drop target (an empty section takes a row). */
function SortableItems({ section, itemIds, children }: { section: SectionDTO; itemIds: string[]; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: `section:${section.id}`, data: { sectionId: section.id } });
  return (
    <SortableContext id={section.id} items={itemIds} strategy={verticalListSortingStrategy}>
      <ol ref={setNodeRef} className={LIST_CLASS} aria-label={`${section.title} items`}>
        {children}
      </ol>
    </SortableContext>
  );
}

function useSameArray<T>(next: T[]): T[] {
  const [kept, setKept] = useState(next);
  const same = kept.length === next.length && kept.every((x, i) => x === next[i]);
  if (!same) setKept(next);
  return same ? kept : next;
}
