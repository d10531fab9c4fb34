import { cn } from "@/components/ui/cn";

/** A labelled bar: green when complete, amber while a gate is open, red when something is blocked. */
export function ProgressBar({ percent, blocked, label, className }: { percent: number; blocked?: boolean; label: string; className?: string }) {
  const tone = percent >= 100 ? "bg-green-600 dark:bg-green-500" : blocked ? "bg-red-600 dark:bg-red-500" : "bg-amber-500 dark:bg-amber-400";
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800", className)}
    >
      <div className={cn("h-full rounded-full transition-[width]", tone)} style={{ width: `${Math.max(percent, percent > 0 ? 2 : 0)}%` }} />
    </div>
  );
}
