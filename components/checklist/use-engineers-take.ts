"use client";
import { useQuery } from "@tanstack/react-query";
import { launchQueries } from "@/lib/launches/view-queries";

/** The launch's "Take it" setting, from the live header meta (a manager's change reaches every checklist). */
export function useEngineersTake(launchId: string): boolean {
  return useQuery(launchQueries.meta(launchId)).data?.engineersTake ?? true;
}
