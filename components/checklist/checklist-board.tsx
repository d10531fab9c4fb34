"use client";
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useId, useLayoutEffect, useRef, useState } from "react";
import { canEditItem, type ChecklistDTO, type ItemDTO, type SectionDTO } from "@/lib/checklist/dto";
import type { ChecklistSummary } from "@/lib/checklist/readiness-summary";
import type { ItemStatus } from "@/lib/checklist/types";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ItemRow, type RowActions } from "./item-row";
import { SectionBlock } from "./section-block";
import { useEngineersTake } from "./use-engineers-take";

type Props = {
  checklist: ChecklistDTO;
  visible: ItemDTO[];
  /** While filters are on, sections with no match are left out rather than shown empty. */
  filtering: boolean;
  summary: ChecklistSummary;
  now: Date | null;
  selected: Set<string>;
  focusedId: string | null;
  onFocus: (id: string) => void;
  onSelect: (id: string, checked: boolean) => void;
  onTick: (item: ItemDTO) => void;
  onStatus: (item: ItemDTO, status: ItemStatus) => void;
  onOpen: (id: string) => void;
  onMove: (itemId: string, sectionId: string, position: number) => void;
  onDeleteItem: (item: ItemDTO) => void;
  onAddItem: (sectionId: string) => void;
  onRenameSection: (section: SectionDTO) => void;
  onDeleteSection: (section: SectionDTO, itemCount: number) => void;
};

/**
 * Rows the server renders: a screenful (about 17 rows fit below the header and summary at 1080 px, 8
 * cards on a phone). The rest render in the browser right after hydration, so a 500-item checklist
 * costs the server (and the HTML) a fraction of it, while search, keyboard navigation and printing,
 * which run after hydration, still see every row. Each server-rendered row costs about 1 ms of server
 * CPU and 5 KB of HTML (bench/checklist-page.ts with ITEMS=60 against 500).
 */
const FIRST_PAINT_ROWS = 24;

// The same objects on every render: new options make new sensors, new drag listeners on every row, and so
// a re-render of every row on every change.
const POINTER = { activationConstraint: { distance: 6 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

const sectionItems = (sectionId: string, from: readonly ItemDTO[]) => from.filter((i) => i.sectionId === sectionId).sort((a, b) => a.position - b.position);

/** Sections and their items; managers drag rows within and across sections (or use Move up/down). */
export function ChecklistBoard(props: Props) {
  const { checklist, visible, filtering, summary, now, selected, focusedId } = props;
  const { viewer } = checklist;
  const engineersTake = useEngineersTake(checklist.launchId);
  const dndId = useId();
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, KEYBOARD));
  const names = new Map(checklist.members.map((m) => [m.userId, m.name]));
  // The rows' handlers: one object for the board's life, calling whatever the latest render passed, so a
  // live change (a tick elsewhere, a rename in the header) re-renders only the rows whose item changed.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [actions] = useState<RowActions>(() => ({
    select: (id, checked) => latest.current.onSelect(id, checked),
    focus: (id) => latest.current.onFocus(id),
    tick: (item) => latest.current.onTick(item),
    open: (id) => latest.current.onOpen(id),
    status: (item, status) => latest.current.onStatus(item, status),
    move: (item, delta) => {
      const index = sectionItems(item.sectionId, latest.current.checklist.items).findIndex((i) => i.id === item.id);
      latest.current.onMove(item.id, item.sectionId, index + delta);
    },
    remove: (item) => latest.current.onDeleteItem(item),
  }));
  const selectable = viewer.assign || viewer.updateAny || viewer.updateOwn;
  const hydrated = useHydrated();
  const renderedCount = new Map<string, number>();
  let budget = hydrated ? Infinity : FIRST_PAINT_ROWS;
  for (const section of checklist.sections) {
    const n = Math.min(Math.max(0, budget), visible.filter((i) => i.sectionId === section.id).length);
    renderedCount.set(section.id, n);
    budget -= n;
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const moving = checklist.items.find((i) => i.id === active.id);
    if (!moving) return;
    const overId = String(over.id);
    if (overId.startsWith("section:")) {
      const sectionId = overId.slice("section:".length);
      props.onMove(moving.id, sectionId, sectionItems(sectionId, checklist.items).filter((i) => i.id !== moving.id).length);
      return;
    }
    const target = checklist.items.find((i) => i.id === overId);
    if (!target) return;
    // Same semantics as arrayMove and as the server: remove the item, insert it at the target's index.
    // Within a section that is the target's index in the full list; across sections, before the target.
    props.onMove(moving.id, target.sectionId, sectionItems(target.sectionId, checklist.items).findIndex((i) => i.id === target.id));
  }

  const board = (
    <div className="space-y-4">
      {checklist.sections.map((section) => {
        const all = sectionItems(section.id, checklist.items);
        const shown = sectionItems(section.id, visible);
        if (filtering && shown.length === 0) return null;
        const rendered = shown.slice(0, renderedCount.get(section.id) ?? shown.length);
        return (
          <SectionBlock
            key={section.id}
            section={section}
            summary={summary.sections.find((s) => s.id === section.id)}
            itemIds={shown.map((i) => i.id)}
            hiddenCount={all.length - shown.length}
            canStructure={viewer.structure}
            onAddItem={() => props.onAddItem(section.id)}
            onRename={() => props.onRenameSection(section)}
            onDelete={() => props.onDeleteSection(section, all.length)}
          >
            {rendered.map((item) => {
              const index = all.findIndex((i) => i.id === item.id);
              return (
                <ItemRow
                  key={item.id}
                  item={item}
                  ownerName={item.ownerId ? (names.get(item.ownerId) ?? "A former member") : null}
                  timeZone={checklist.timeZone}
                  now={now}
                  canEdit={canEditItem(viewer, item)}
                  viewer={viewer}
                  engineersTake={engineersTake}
                  launchId={checklist.launchId}
                  canStructure={viewer.structure}
                  canWaive={viewer.waive}
                  selectable={selectable}
                  selected={selected.has(item.id)}
                  focused={focusedId === item.id}
                  isFirst={index === 0}
                  isLast={index === all.length - 1}
                  actions={actions}
                />
              );
            })}
            {rendered.length < shown.length && (
              <li className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
                Loading {shown.length - rendered.length} more…
              </li>
            )}
          </SectionBlock>
        );
      })}
    </div>
  );
  // Only those who may reorder get the drag context (and sortable rows, ./item-row.tsx).
  return viewer.structure ? (
    <DndContext id={dndId} sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      {board}
    </DndContext>
  ) : (
    board
  );
}
