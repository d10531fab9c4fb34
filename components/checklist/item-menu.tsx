"use client";
import { ArrowDown, ArrowUp, MoreHorizontal, PanelRightOpen, Trash2 } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import type { ItemDTO } from "@/lib/checklist/dto";
import { ITEM_STATUSES, type ItemStatus } from "@/lib/checklist/types";
import { STATUS_ICON } from "./status-meta";

// The row's menu: every action reachable by keyboard, including the keyboard alternative to dragging.

const itemClass =
  "flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 data-[disabled]:opacity-40 dark:data-[highlighted]:bg-zinc-800";

// The dots say a dialog follows (it asks for the reason).
const MENU_LABEL: Record<ItemStatus, string> = {
  TODO: "Mark to do",
  IN_PROGRESS: "Mark in progress",
  DONE: "Mark done",
  BLOCKED: "Mark blocked…",
  NOT_APPLICABLE: "Mark not applicable…",
};

export type ItemMenuProps = {
  item: ItemDTO;
  canEdit: boolean;
  canStructure: boolean;
  /** Required items are waived (N/A) only by managers, so others are not offered it. */
  canWaive: boolean;
  isFirst: boolean;
  isLast: boolean;
  onOpen: () => void;
  onStatus: (status: ItemStatus) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
};

export function ItemMenu({ item, canEdit, canStructure, canWaive, isFirst, isLast, onOpen, onStatus, onMove, onDelete }: ItemMenuProps) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="rounded-md p-2 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:data-[state=open]:bg-zinc-800"
        aria-label={`Actions for ${item.title}`}
      >
        <MoreHorizontal className="size-4" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-700">
          <DropdownMenu.Item className={itemClass} onSelect={onOpen}>
            <PanelRightOpen className="size-4" aria-hidden /> Open details
          </DropdownMenu.Item>
          {canEdit && (
            <>
              <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
              {ITEM_STATUSES.filter((s) => s !== item.status && (s !== "NOT_APPLICABLE" || !item.required || canWaive)).map((status) => {
                const Icon = STATUS_ICON[status];
                return (
                  <DropdownMenu.Item key={status} className={itemClass} onSelect={() => onStatus(status)}>
                    <Icon className="size-4" aria-hidden /> {MENU_LABEL[status]}
                  </DropdownMenu.Item>
                );
              })}
            </>
          )}
          {canStructure && (
            <>
              <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
              <DropdownMenu.Item className={itemClass} disabled={isFirst} onSelect={() => onMove(-1)}>
                <ArrowUp className="size-4" aria-hidden /> Move up
              </DropdownMenu.Item>
              <DropdownMenu.Item className={itemClass} disabled={isLast} onSelect={() => onMove(1)}>
                <ArrowDown className="size-4" aria-hidden /> Move down
              </DropdownMenu.Item>
              <DropdownMenu.Item className={`${itemClass} text-red-700 dark:text-red-400`} onSelect={onDelete}>
                <Trash2 className="size-4" aria-hidden /> Delete…
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
