"use client";
import { Sheet } from "./sheet";

export const SHORTCUTS = [
  ["j / k", "Next / previous item"],
  ["x", "Tick done, or reopen"],
  ["b", "Mark blocked (asks why)"],
  ["Enter or o", "Open the item"],
  ["s", "Select for bulk actions"],
  ["/", "Search"],
  ["?", "This help"],
  ["Esc", "Close a dialog, or leave the search"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Sheet open={open} onOpenChange={(o) => !o && onClose()} title="Keyboard shortcuts" description="They work whenever you are not typing in a field.">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-800">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Sheet>
  );
}
