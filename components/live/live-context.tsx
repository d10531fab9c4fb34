"use client";
import { createContext, useContext, useSyncExternalStore } from "react";
import type { LiveEventDTO } from "@/lib/launches/view-types";

export type { LiveEventDTO };
export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";
export type LiveState = { status: LiveStatus; lastMessageAt: number | null; presence: string[] };

const INITIAL: LiveState = { status: "connecting", lastMessageAt: null, presence: [] };

/**
 * The stream's state lives in a store, not in a context value. A context value that changes re-renders
 * the tree below its provider, and React cannot hydrate a streamed Suspense boundary (the page under
 * loading.tsx) that receives an update first: it would throw the server's HTML away and render the page
 * again on the client, while the server's copy waits, hidden, for React's batched reveal. Through a store
 * with a stable identity only the components that read it (the live indicator) re-render.
 */
export type LiveStore = {
  get(): LiveState;
  update(patch: Partial<LiveState>): void;
  subscribe(listener: () => void): () => void;
};

export function createLiveStore(): LiveStore {
  let state = INITIAL;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(patch) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const inert = createLiveStore();
export const LiveContext = createContext<LiveStore>(inert);

/** Lets the tab's own actions mark the events they wrote, so their live echo is recognised. */
export const OwnEventsContext = createContext<(eventIds: readonly string[] | undefined) => void>(() => {});

export function useLive(): LiveState {
  const store = useContext(LiveContext);
  return useSyncExternalStore(store.subscribe, store.get, () => INITIAL);
}

export function useMarkOwnEvents() {
  return useContext(OwnEventsContext);
}
