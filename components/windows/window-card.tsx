"use client";
import { ShieldAlert, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { formatRange } from "@/lib/windows/describe";
import type { EnvironmentDto, WindowDto } from "@/lib/windows/dto";
import { Countdown } from "./countdown";
import { TimeTriple } from "./time-triple";
import { WindowControls } from "./window-controls";
import { WindowForm } from "./window-form";
import { WindowStatusBadge } from "./window-status-badge";

type Props = { window: WindowDto; launchZone: string; canManage: boolean; environments: EnvironmentDto[]; timeZones: string[] };

/** A window at a glance: status, times in three zones, ticking countdowns, and any freeze override in plain sight. */
export function WindowCard({ window: w, launchZone, canManage, environments, timeZones }: Props) {
  const [editing, setEditing] = useState(false);
  const upcoming = w.status === "PROPOSED" || w.status === "SCHEDULED" || w.status === "IN_PROGRESS";
  const moments: [string, string | null][] = [
    ["Start", w.start],
    ["Go/no-go checkpoint", w.checkpoint],
    ["Point of no return", w.pointOfNoReturn],
    ["End", w.end],
  ];
  const countdowns = moments.filter((m): m is [string, string] => m[1] !== null);
  return (
    <Card aria-label={`Window on ${w.environment}`} data-testid="window-card" className={w.status === "CANCELLED" ? "opacity-70" : undefined}>
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <WindowStatusBadge status={w.status} />
        <h2 className="text-sm font-semibold">{w.environment}</h2>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">{formatRange(new Date(w.start), new Date(w.end), launchZone)}</span>
      </header>
      {w.freezeOverrideReason && (
        <div className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200" data-testid="freeze-override">
          <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            <strong>Freeze overridden:</strong> {w.freezeOverrideReason}
            {w.freezes.length > 0 && <span className="block text-xs">In {w.freezes.join("; ")}</span>}
          </p>
        </div>
      )}
      {!w.freezeOverrideReason && upcoming && w.freezes.length > 0 && (
        <p className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> Falls in a freeze: {w.freezes.join("; ")}. Scheduling needs a written override.
        </p>
      )}
      {w.clash && (
        <p className="flex items-start gap-2 border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> Clashes with {w.clash}. It cannot be scheduled until one of them moves.
        </p>
      )}
      {editing ? (
        <WindowForm launchId={w.launchId} launchZone={launchZone} environments={environments} timeZones={timeZones} editing={w} onDone={() => setEditing(false)} />
      ) : (
        <div className="space-y-4 p-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <TimeTriple label="Start" at={w.start} zone={launchZone} />
            <TimeTriple label="End" at={w.end} zone={launchZone} />
            {w.checkpoint && <TimeTriple label="Go/no-go checkpoint" at={w.checkpoint} zone={launchZone} />}
            {w.pointOfNoReturn && <TimeTriple label="Point of no return" at={w.pointOfNoReturn} zone={launchZone} />}
            {w.actualStart && <TimeTriple label="Actually started" at={w.actualStart} zone={launchZone} />}
            {w.actualEnd && <TimeTriple label="Actually ended" at={w.actualEnd} zone={launchZone} />}
          </div>
          {upcoming && (
            <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
              {countdowns.map(([label, at]) => (
                <Countdown key={label} label={label} at={at} />
              ))}
            </div>
          )}
          {w.timeZone !== launchZone && <p className="text-xs text-zinc-500 dark:text-zinc-400">Planned in {w.timeZone}.</p>}
          {w.notes && <p className="whitespace-pre-line text-sm text-zinc-700 dark:text-zinc-300">{w.notes}</p>}
          {canManage && <WindowControls window={w} onEdit={() => setEditing(true)} />}
        </div>
      )}
    </Card>
  );
}
