"use client";
import { useEffect, useRef } from "react";

type Handlers = {
  enabled: boolean;
  ids: string[];
  focusedId: string | null;
  setFocused: (id: string) => void;
  onTick: (id: string) => void;
  onBlock: (id: string) => void;
  onOpen: (id: string) => void;
  onSelect: (id: string) => void;
  onSearch: () => void;
  onHelp: () => void;
};

/** Typing in a field, or holding a modifier, is never a shortcut. */
function isTyping(event: KeyboardEvent) {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

export function focusItemRow(id: string) {
  const row = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`);
  row?.focus({ preventScroll: true });
  row?.scrollIntoView({ block: "nearest" });
}

/** j/k move, x ticks, b blocks, Enter/o opens, s selects, / searches, ? helps. */
export function useChecklistKeys(handlers: Handlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const h = ref.current;
      if (!h.enabled || event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event)) return;
      // Buttons and menus handle Enter themselves; only a focused row (or nothing) opens the item.
      const onRow = (event.target as HTMLElement | null)?.hasAttribute?.("data-item-id") ?? false;
      const index = h.focusedId ? h.ids.indexOf(h.focusedId) : -1;
      const current = index >= 0 ? h.ids[index] : null;
      const move = (delta: number) => {
        const next = h.ids[Math.min(h.ids.length - 1, Math.max(0, index < 0 ? 0 : index + delta))];
        if (!next) return;
        h.setFocused(next);
        focusItemRow(next);
      };
      switch (event.key) {
        case "j":
        case "ArrowDown":
          if (event.key === "ArrowDown" && !onRow) return;
          move(1);
          break;
        case "k":
        case "ArrowUp":
          if (event.key === "ArrowUp" && !onRow) return;
          move(-1);
          break;
        case "x":
          if (current) h.onTick(current);
          break;
        case "b":
          if (current) h.onBlock(current);
          break;
        case "s":
          if (current) h.onSelect(current);
          break;
        case "o":
          if (current) h.onOpen(current);
          break;
        case "Enter":
          if (!onRow || !current) return;
          h.onOpen(current);
          break;
        case "/":
          h.onSearch();
          break;
        case "?":
          h.onHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
