"use client";
import { useEffect, useSyncExternalStore } from "react";

// Items with a change in flight in this tab: the row says "Saving…" until the server answers, so
// nobody exports, prints or leaves believing an optimistic tick was saved.

const counts = new Map<string, number>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function markPending(ids: readonly string[]) {
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  emit();
}

export function clearPending(ids: readonly string[]) {
  for (const id of ids) {
    const n = (counts.get(id) ?? 1) - 1;
    if (n > 0) counts.set(id, n);
    else counts.delete(id);
  }
  emit();
}

/** Runs `fn` with `ids` marked as saving. */
export async function whilePending<T>(ids: readonly string[], fn: () => Promise<T>): Promise<T> {
  markPending(ids);
  try {
    return await fn();
  } finally {
    clearPending(ids);
  }
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Whether `id` (or, without one, anything) has a change in flight in this tab. */
export function isSaving(id?: string): boolean {
  return id === undefined ? counts.size > 0 : counts.has(id);
}

export function useItemSaving(id: string): boolean {
  return useSyncExternalStore(subscribe, () => isSaving(id), () => false);
}

export function useAnySaving(): boolean {
  return useSyncExternalStore(subscribe, () => isSaving(), () => false);
}

/**
 * While a change is in flight, leaving the page (reload, close, another address) asks first: unloading
 * abandons the request, and the person would leave believing the optimistic state was saved. Moving to
 * another page of the app does not unload it, so the request still completes and nothing asks.
 */
export function useConfirmLeaveWhileSaving() {
  const saving = useAnySaving();
  useEffect(() => {
    if (!saving) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [saving]);
}
