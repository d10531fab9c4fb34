"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False on the server and while hydrating, true afterwards: for work the first paint can skip. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
