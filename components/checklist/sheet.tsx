"use client";
import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// Radix Dialog styled two ways: a centred dialog, or a drawer from the right (full screen on phones).
// Radix traps focus and closes on Escape. Opened without a Radix Trigger (from a row, a menu, a shortcut),
// it would drop focus to the body on close, so the sheet remembers what had focus and returns there.

// The last two focused elements, page-wide: when a sheet opens, a field inside it may already have taken focus
// (autoFocus, or Radix focusing the first control), so the opener is the one focused before that.
let current: HTMLElement | null = null;
let previous: HTMLElement | null = null;
let tracking = false;
function trackFocus() {
  if (tracking) return;
  tracking = true;
  document.addEventListener(
    "focusin",
    (event) => {
      previous = current;
      current = event.target as HTMLElement;
    },
    true,
  );
}

function restore(target: HTMLElement | null, rowId: string | null) {
  if (target?.isConnected && target !== document.body) return target.focus({ preventScroll: true });
  // The opener is gone (a menu item, a re-rendered row): fall back to the checklist row it belonged to.
  const row = rowId ? document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(rowId)}"]`) : null;
  row?.focus({ preventScroll: true });
}

export function Sheet({
  open,
  onOpenChange,
  title,
  description,
  side = "center",
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  side?: "center" | "right";
  children: ReactNode;
}) {
  const returnTo = useRef<{ el: HTMLElement | null; rowId: string | null }>({ el: null, rowId: null });
  const content = useRef<HTMLDivElement>(null);
  useEffect(trackFocus, []);
  useEffect(() => {
    if (!open) return;
    const el = current && content.current?.contains(current) ? previous : current;
    returnTo.current = { el, rowId: el?.closest<HTMLElement>("[data-item-id]")?.dataset.itemId ?? null };
  }, [open]);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/40 backdrop-blur-[1px]" />
        <Dialog.Content
          ref={content}
          className={cn(
            "fixed z-50 flex flex-col bg-white shadow-xl ring-1 ring-zinc-200 focus:outline-none dark:bg-zinc-900 dark:ring-zinc-800",
            side === "right"
              ? "inset-y-0 right-0 w-full max-w-xl"
              : "left-1/2 top-1/2 max-h-[90dvh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg",
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            restore(returnTo.current.el, returnTo.current.rowId);
          }}
        >
          <header className="flex items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
            <div className="min-w-0">
              <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
              {description && <Dialog.Description className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</Dialog.Description>}
            </div>
            <Dialog.Close className="-m-1 rounded-md p-2 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100" aria-label="Close">
              <X className="size-5" aria-hidden />
            </Dialog.Close>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
