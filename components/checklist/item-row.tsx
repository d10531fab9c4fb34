"use client";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Check, GripVertical, MessageSquare, Paperclip, ShieldCheck } from "lucide-react";
import { memo, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ItemDTO, ViewerRights } from "@/lib/checklist/dto";
import type { ItemStatus } from "@/lib/checklist/types";
import { canTake, tickHint } from "@/lib/checklist/take";
import { DueLabel } from "./due-label";
import { ItemMenu, type ItemMenuProps } from "./item-menu";
import { useItemSaving } from "./pending-store";
import { StatusBadge } from "./status-meta";
import { TakeItButton } from "./take-it-button";

/**
 * What a row does, one object for every row of the checklist and the same across renders (see
 * ChecklistBoard): rows are memoized, so a change re-renders only the rows whose item changed.
 */
export type RowActions = {
  select: (id: string, checked: boolean) => void;
  focus: (id: string) => void;
  tick: (item: ItemDTO) => void;
  open: (id: string) => void;
  status: (item: ItemDTO, status: ItemStatus) => void;
  move: (item: ItemDTO, delta: -1 | 1) => void;
  remove: (item: ItemDTO) => void;
};

type Props = Omit<ItemMenuProps, "item" | "onOpen" | "onStatus" | "onMove" | "onDelete"> & {
  item: ItemDTO;
  ownerName: string | null;
  timeZone: string;
  now: Date | null;
  selectable: boolean;
  selected: boolean;
  focused: boolean;
  actions: RowActions;
  /** Given both, an unassigned item offers "Take it" and a disabled tick says why. */
  viewer?: ViewerRights;
  /** The launch's "Take it" setting: off, engineers see why instead of the button. */
  engineersTake?: boolean;
  launchId?: string;
};

/**
 * One checklist item: a table-like row on wide screens, a card on phones (tick target 44 px there). Only
 * those who may reorder get a sortable row. A sortable re-renders whenever the board's drag context does,
 * which is on every change to the checklist; it hands the row only what it draws from the drag (the same
 * values while nothing is dragged), so the row itself, memoized, re-renders only when its item changes.
 */
export const ItemRow = memo(function ItemRow(props: Props) {
  return props.canStructure ? <SortableItemRow {...props} /> : <Row {...props} />;
});

type Drag = {
  attachDrag?: (node: HTMLElement | null) => void;
  dragTransform?: string;
  dragTransition?: string;
  dragging?: boolean;
  dragHandle?: Pick<ReturnType<typeof useSortable>, "attributes" | "listeners">;
};

function SortableItemRow(props: Props) {
  const { setNodeRef, transform, transition, isDragging, attributes, listeners } = useSortable({ id: props.item.id, data: { sectionId: props.item.sectionId } });
  // One object while the handle's attributes and listeners are the same (they are memoized by dnd-kit).
  const [handle, setHandle] = useState({ attributes, listeners });
  if (handle.attributes !== attributes || handle.listeners !== listeners) setHandle({ attributes, listeners });
  return (
    <Row
      {...props}
      attachDrag={setNodeRef}
      dragTransform={CSS.Translate.toString(transform)}
      dragTransition={transition}
      dragging={isDragging}
      dragHandle={handle.attributes === attributes && handle.listeners === listeners ? handle : { attributes, listeners }}
    />
  );
}

const Row = memo(function Row(props: Props & Drag) {
  const { item, ownerName, timeZone, now, canEdit, canStructure, canWaive, isFirst, isLast, selectable, selected, focused, actions, viewer, launchId } = props;
  const { attachDrag, dragTransform, dragTransition, dragging, dragHandle } = props;
  const onOpen = () => actions.open(item.id);
  const done = item.status === "DONE";
  const hasEvidence = item.evidenceNote.trim() !== "" || item.evidenceLinks.length > 0;
  const engineersTake = props.engineersTake ?? true;
  const hint = viewer ? tickHint(viewer, item, ownerName, engineersTake) : null;
  const takeable = !!viewer && !!launchId && canTake(viewer.role, item.ownerId, engineersTake);
  const hintId = `tick-hint-${item.id}`;
  const saving = useItemSaving(item.id);
  return (
    <li
      ref={attachDrag}
      style={attachDrag ? { transform: dragTransform, transition: dragTransition } : undefined}
      data-testid="checklist-item"
      data-item-id={item.id}
      data-status={item.status}
      data-saving={saving || undefined}
      aria-busy={saving || undefined}
      tabIndex={-1}
      onFocus={() => actions.focus(item.id)}
      aria-label={item.title}
      className={cn(
        "group relative flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5 outline-none sm:flex-nowrap sm:py-2",
        focused && "bg-accent-50/70 ring-2 ring-inset ring-accent-500/60 dark:bg-accent-950/40",
        selected && !focused && "bg-accent-50/40 dark:bg-accent-950/20",
        dragging && "z-10 bg-white opacity-80 shadow-lg dark:bg-zinc-900",
      )}
    >
      {dragHandle && (
        <button
          type="button"
          className="hidden cursor-grab touch-none rounded p-1 text-zinc-400 hover:text-zinc-700 sm:block dark:hover:text-zinc-200"
          aria-label={`Drag to reorder ${item.title}`}
          {...dragHandle.attributes}
          {...dragHandle.listeners}
        >
          <GripVertical className="size-4" aria-hidden />
        </button>
      )}
      {selectable && (
        <input
          type="checkbox"
          className="size-4 shrink-0 rounded border-zinc-300 accent-accent-600"
          checked={selected}
          onChange={(e) => actions.select(item.id, e.target.checked)}
          aria-label={`Select ${item.title}`}
        />
      )}
      <button
        type="button"
        onClick={() => actions.tick(item)}
        disabled={!canEdit}
        aria-pressed={done}
        aria-label={done ? `Reopen ${item.title}` : `Mark ${item.title} done`}
        title={!canEdit && hint ? hint : undefined}
        aria-describedby={!canEdit && hint ? hintId : undefined}
        className={cn(
          "flex size-11 shrink-0 items-center justify-center rounded-full sm:size-8",
          "disabled:cursor-default",
          canEdit && "hover:bg-zinc-100 dark:hover:bg-zinc-800",
        )}
      >
        <span
          className={cn(
            "flex size-6 items-center justify-center rounded-full border-2 sm:size-5",
            done ? "border-green-600 bg-green-600 text-white" : "border-zinc-300 dark:border-zinc-600",
            !canEdit && !done && "border-dashed",
          )}
        >
          {done && <Check className="size-4 sm:size-3.5" strokeWidth={3} aria-hidden />}
        </span>
      </button>
      <div className="min-w-0 flex-1 basis-[calc(100%-8rem)] sm:basis-auto">
        <button type="button" onClick={onOpen} className="block max-w-full text-left">
          <span className={cn("line-clamp-2 text-sm font-medium hover:underline", done && "text-zinc-500 line-through decoration-zinc-400 dark:text-zinc-400")}>
            {item.title}
          </span>
        </button>
        {item.statusReason && (item.status === "BLOCKED" || item.status === "NOT_APPLICABLE") && (
          <p className={cn("mt-0.5 line-clamp-1 text-xs", item.status === "BLOCKED" ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400")}>
            {item.status === "BLOCKED" ? "Blocked: " : "Not applicable: "}
            {item.statusReason}
          </p>
        )}
      </div>
      <div className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 pl-14 text-xs sm:w-auto sm:flex-nowrap sm:pl-0">
        <span className="w-24 shrink-0">
          <StatusBadge status={item.status} />
          {saving && (
            <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="item-saving">
              Saving…
            </span>
          )}
        </span>
        {!canEdit && hint && (
          <span id={hintId} className="sr-only">
            {hint}
          </span>
        )}
        {takeable && !canEdit ? (
          <span className="w-32 shrink-0">
            <TakeItButton launchId={launchId!} item={item} />
          </span>
        ) : (
          <span className="w-32 truncate text-zinc-700 dark:text-zinc-300" title={ownerName ?? "Unassigned"}>
            {ownerName ?? <span className="text-zinc-500 dark:text-zinc-400">Unassigned</span>}
          </span>
        )}
        <span className="min-w-0 sm:w-64 sm:truncate">
          <DueLabel item={item} timeZone={timeZone} now={now} compact />
        </span>
        <span className="flex w-24 shrink-0 items-center gap-2 text-zinc-500 dark:text-zinc-400">
          {item.required ? (
            <span title="Required: gates go-live" className="inline-flex items-center gap-0.5 font-medium text-zinc-700 dark:text-zinc-300">
              <ShieldCheck className="size-3.5" aria-hidden /> Req
            </span>
          ) : (
            <span title="Optional">Opt</span>
          )}
          {(hasEvidence || item.requiresEvidence) && (
            <span title={hasEvidence ? "Has evidence" : "Needs evidence to be done"} className={cn("inline-flex", !hasEvidence && "opacity-50")}>
              <Paperclip className="size-3.5" aria-hidden />
              <span className="sr-only">{hasEvidence ? "Has evidence" : "Needs evidence"}</span>
            </span>
          )}
          {item.commentCount > 0 && (
            <span className="inline-flex items-center gap-0.5" title={`${item.commentCount} comments`}>
              <MessageSquare className="size-3.5" aria-hidden />
              {item.commentCount}
            </span>
          )}
        </span>
      </div>
      <div className="absolute right-2 top-2 sm:static">
        <ItemMenu
          item={item}
          canEdit={canEdit}
          canStructure={canStructure}
          canWaive={canWaive}
          isFirst={isFirst}
          isLast={isLast}
          onOpen={onOpen}
          onStatus={(status) => actions.status(item, status)}
          onMove={(delta) => actions.move(item, delta)}
          onDelete={() => actions.remove(item)}
        />
      </div>
    </li>
  );
});
