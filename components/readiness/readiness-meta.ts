import { CircleCheck, OctagonX, TriangleAlert } from "lucide-react";
import type { ReadinessState } from "@/lib/readiness/readiness";

// One look per readiness state, everywhere: colour, icon and word together (never colour alone).
export const READINESS_META: Record<ReadinessState, { label: string; icon: typeof CircleCheck; hero: string; text: string }> = {
  READY: {
    label: "Ready",
    icon: CircleCheck,
    hero: "bg-green-50 ring-green-600/30 dark:bg-green-950/50 dark:ring-green-400/30",
    text: "text-green-700 dark:text-green-300",
  },
  AT_RISK: {
    label: "At risk",
    icon: TriangleAlert,
    hero: "bg-amber-50 ring-amber-600/30 dark:bg-amber-950/50 dark:ring-amber-400/30",
    text: "text-amber-700 dark:text-amber-300",
  },
  NOT_READY: {
    label: "Not ready",
    icon: OctagonX,
    hero: "bg-red-50 ring-red-600/30 dark:bg-red-950/50 dark:ring-red-400/30",
    text: "text-red-700 dark:text-red-300",
  },
};
