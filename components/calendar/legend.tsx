import { CalendarCheck, CircleDashed, Lock, Radio, Snowflake, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { freezeStripes } from "./item-chips";

/** What the colours and marks mean; each also carries an icon or word in the calendar itself. */
export function Legend() {
  const item = "inline-flex items-center gap-1.5";
  const swatch = "inline-block size-3 rounded-sm ring-1 ring-inset";
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <li className={item}>
        <span className={cn(swatch, "bg-accent-50 ring-accent-600/30 dark:bg-accent-950")} /> <CalendarCheck className="size-3" aria-hidden /> Scheduled
      </li>
      <li className={item}>
        <span className={cn(swatch, "bg-zinc-100 ring-zinc-400/50 dark:bg-zinc-800")} /> <CircleDashed className="size-3" aria-hidden /> Proposed
      </li>
      <li className={item}>
        <span className={cn(swatch, "bg-amber-50 ring-amber-600/40 dark:bg-amber-950")} /> <Radio className="size-3" aria-hidden /> In progress
      </li>
      <li className={item}>
        <span className={cn(swatch, freezeStripes, "ring-amber-500/40")} /> <Snowflake className="size-3" aria-hidden /> Freeze
      </li>
      <li className={item}>
        <span className={cn(swatch, "ring-2 ring-red-600")} /> <TriangleAlert className="size-3" aria-hidden /> Clash
      </li>
      <li className={item}>
        <span className={cn(swatch, "bg-zinc-200 ring-zinc-500/40 dark:bg-zinc-800")} /> <Lock className="size-3" aria-hidden /> Busy: another team&apos;s window
      </li>
    </ul>
  );
}
