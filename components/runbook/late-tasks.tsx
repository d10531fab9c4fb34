"use client";
import { Card, CardHeader } from "@/components/ui/card";
import type { RunbookDto } from "@/lib/runbook/dto";
import { minutes } from "./time";
import type { RunbookForecast } from "./use-runbook";

/** Every late task with its own delay and the delay it inherited from upstream: who caused the slip. */
export function LateTasks({ dto, forecast }: { dto: RunbookDto; forecast: RunbookForecast }) {
  const late = forecast.plan?.live?.late ?? [];
  if (late.length === 0) return null;
  const title = new Map(dto.tasks.map((t) => [t.id, t.title]));
  return (
    <Card aria-labelledby="late-tasks">
      <CardHeader id="late-tasks" title="Late tasks" description="Own delay: this task ran long or started late itself. Inherited: the tasks before it pushed it." />
      <div className="relative overflow-x-auto focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none" role="region" aria-label="Late tasks table" tabIndex={0}>
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Task</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Late by</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Own</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Inherited</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {late.map((t) => (
              <tr key={t.id} data-testid="late-task">
                <td className="px-4 py-2">{title.get(t.id)}</td>
                <td className="px-4 py-2 text-right font-semibold tabular-nums text-red-700 dark:text-red-300">{minutes(t.delayMin, true)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{minutes(t.ownDelayMin)}</td>
                <td className="px-4 py-2 text-right tabular-nums">{minutes(t.inheritedDelayMin)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
