import { Snowflake, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { WINDOW_STATUS_LABEL } from "@/lib/windows/lifecycle";
import { windowHref, type CalendarFreezeItem, type CalendarWindowItem } from "./types";

// The small pieces every calendar view draws. Status reads from an icon or word as well as the colour.

const STATUS_CLASS: Record<CalendarWindowItem["status"], string> = {
  PROPOSED: "bg-zinc-100 text-zinc-800 ring-zinc-400/50 border-dashed dark:bg-zinc-800 dark:text-zinc-200",
  SCHEDULED: "bg-accent-50 text-accent-900 ring-accent-600/30 dark:bg-accent-950 dark:text-accent-100",
  IN_PROGRESS: "bg-amber-50 text-amber-900 ring-amber-600/40 dark:bg-amber-950/60 dark:text-amber-200",
  COMPLETED: "bg-green-50 text-green-900 ring-green-600/30 dark:bg-green-950/60 dark:text-green-200",
  ROLLED_BACK: "bg-red-50 text-red-900 ring-red-600/30 dark:bg-red-950/60 dark:text-red-200",
  CANCELLED: "bg-zinc-50 text-zinc-500 dark:text-zinc-400 ring-zinc-300 line-through dark:bg-zinc-900",
};

const BUSY_CLASS = "bg-zinc-200 text-zinc-700 ring-zinc-500/40 dark:bg-zinc-800 dark:text-zinc-300";

export function windowClass(w: CalendarWindowItem) {
  if (w.busy) return cn("ring-1 ring-inset", BUSY_CLASS);
  return cn("ring-1 ring-inset", STATUS_CLASS[w.status], w.clash && "ring-2 ring-red-600 dark:ring-red-400");
}

/** Flags beside a window: a clash and a freeze (overridden or not), each with an icon and words for screen readers. */
export function WindowFlags({ w }: { w: CalendarWindowItem }) {
  return (
    <>
      {w.clash && (
        <span className="inline-flex items-center gap-0.5 font-semibold text-red-700 dark:text-red-300">
          <TriangleAlert className="size-3" aria-hidden /> Clash
        </span>
      )}
      {w.inFreeze && (
        <span className="inline-flex items-center gap-0.5 text-amber-800 dark:text-amber-300" title={w.overridden ? "Scheduled into a freeze with a written override" : "Falls in a freeze"}>
          <Snowflake className="size-3" aria-hidden /> {w.overridden ? "Override" : "Freeze"}
        </span>
      )}
    </>
  );
}

/**
 * A window's block: a link to its launch's windows, or for another team's busy block (w.busy) a plain
 * box saying only that the environment is taken then: no launch, no link.
 */
export function WindowLink({ w, ...props }: { w: CalendarWindowItem } & React.HTMLAttributes<HTMLElement>) {
  if (w.busy) return <div {...props} title={`Busy: another launch's window on ${w.environment}`} data-testid="calendar-busy" />;
  return <Link href={windowHref(w)} {...props} />;
}

export function WindowChip({ w, time }: { w: CalendarWindowItem; time: string }) {
  return (
    <WindowLink
      w={w}
      className={cn("block rounded px-1.5 py-0.5 text-xs leading-tight hover:brightness-95", windowClass(w))}
      title={`${w.launchName} · ${w.environment} · ${WINDOW_STATUS_LABEL[w.status]}`}
      data-testid="calendar-window"
    >
      <span className="font-medium tabular-nums">{time}</span> <span className="font-medium">{w.launchName}</span>
      <span className="block truncate opacity-80">
        {w.environment} · {WINDOW_STATUS_LABEL[w.status]}
      </span>
      {(w.clash || w.inFreeze) && (
        <span className="flex flex-wrap gap-x-2">
          <WindowFlags w={w} />
        </span>
      )}
    </WindowLink>
  );
}

/** Freeze shading: diagonal amber stripes, with the snowflake and the word "Freeze" so colour is not alone. */
export const freezeStripes =
  "bg-[repeating-linear-gradient(135deg,rgb(245_158_11/0.16)_0,rgb(245_158_11/0.16)_6px,transparent_6px,transparent_12px)]";

/** `compact` (the month grid) drops the reason to one tooltip, so a weekday freeze does not crowd out windows. */
export function FreezeChip({ f, time, compact }: { f: CalendarFreezeItem; time: string; compact?: boolean }) {
  return (
    <div
      className={cn(compact ? "truncate" : "", "rounded px-1.5 py-0.5 text-xs leading-tight text-amber-900 ring-1 ring-inset ring-amber-500/40 dark:text-amber-200", freezeStripes)}
      title={`${f.description}: ${f.reason}`}
      data-testid="calendar-freeze"
    >
      <Snowflake className="mr-0.5 inline size-3" aria-hidden />
      <span className="tabular-nums">{time}</span> Freeze {f.environment ? `(${f.environment})` : "(all)"}
      {compact ? <span className="sr-only">: {f.reason}</span> : <span className="block truncate opacity-80">{f.reason}</span>}
    </div>
  );
}
