import type { ReactNode } from "react";
import { cn } from "./cn";

// Status colours mean one thing everywhere: green ready/done, amber at risk/in progress,
// red blocked/rejected/no-go, grey not applicable/inactive. Never colour alone: callers pass an icon or word.
export type Tone = "green" | "amber" | "red" | "grey" | "blue" | "accent";

const TONES: Record<Tone, string> = {
  green: "bg-green-50 text-green-800 ring-green-600/25 dark:bg-green-950/60 dark:text-green-300 dark:ring-green-400/30",
  amber: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-400/30",
  red: "bg-red-50 text-red-800 ring-red-600/25 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-400/30",
  grey: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-500/30",
  blue: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-950/60 dark:text-sky-300 dark:ring-sky-400/30",
  accent: "bg-accent-50 text-accent-700 ring-accent-600/25 dark:bg-accent-950 dark:text-accent-300 dark:ring-accent-400/30",
};

export function Badge({ tone = "grey", icon, children, className }: { tone?: Tone; icon?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {icon}
      {children}
    </span>
  );
}
