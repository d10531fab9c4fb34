"use client";
import { createContext, useContext } from "react";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";
export type LiveEventDTO = { id: string; type: string; at: string; actorId: string | null; actorName: string | null; payload: Record<string, unknown> };
export type LiveState = { status: LiveStatus; lastMessageAt: number | null; presence: string[] };

export const LiveContext = createContext<LiveState>({ status: "connecting", lastMessageAt: null, presence: [] });

export function useLive() {
  return useContext(LiveContext);
}
