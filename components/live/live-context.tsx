"use client";
import { createContext, useContext } from "react";
import type { LiveEventDTO } from "@/lib/launches/view-types";

export type { LiveEventDTO };
export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";
export type LiveState = { status: LiveStatus; lastMessageAt: number | null; presence: string[] };

export const LiveContext = createContext<LiveState>({ status: "connecting", lastMessageAt: null, presence: [] });

/** Lets the tab's own actions mark the events they wrote, so their live echo is recognised. */
export const OwnEventsContext = createContext<(eventIds: readonly string[] | undefined) => void>(() => {});

export function useLive() {
  return useContext(LiveContext);
}

export function useMarkOwnEvents() {
  return useContext(OwnEventsContext);
}
