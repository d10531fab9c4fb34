"use client";
import { AlertTriangle, TimerReset } from "lucide-react";
import { useId, useRef, useState } from "react";
import { adoptRehearsalDurationsAction, endRehearsalAction, startRehearsalAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { RunbookDto, RunbookRunDto } from "@/lib/runbook/dto";
import { formatInZone } from "@/lib/time/format";
import { useRunbookRights } from "./rights";
import { RunbookEmpty } from "./runbook-empty";
import { minutes } from "./time";
import { useRunbook } from "./use-runbook";

/** More than this share over the plan is flagged. */
const OVER = 0.25;

function actualMin(run: RunbookRunDto, taskId: string): number | null {
  const a = run.actuals.find((x) => x.taskId === taskId);
  if (!a?.start || !a.end || a.status !== "DONE") return null;
  return Math.max(0, Math.round((Date.parse(a.end) - Date.parse(a.start)) / 60_000));
}

/** One operation id per button press, kept until the server answers (a retried press is one action). */
function useOpId() {
  const ref = useRef<string | null>(null);
  return {
    take: () => (ref.current ??= crypto.randomUUID()),
    answered: () => {
      ref.current = null;
    },
  };
}

function RehearsalControls({ dto }: { dto: RunbookDto }) {
  const rights = useRunbookRights();
  const { run, pending } = useAction();
  const op = useOpId();
  const [measured, setMeasured] = useState("");
  const id = useId();
  const open = dto.runs.find((r) => r.kind === "REHEARSAL" && r.endedAt === null);
  if (!rights.canRun) return null;
  if (!open) {
    return (
      <Button
        data-saving={pending || undefined}
        disabled={pending}
        onClick={() =>
          run(async () => {
            const r = await startRehearsalAction({ launchId: rights.launchId, opId: op.take() });
            op.answered();
            return r;
          }, { success: "Rehearsal started: tasks now record into it." })
        }
      >
        <TimerReset className="size-4" aria-hidden />
        {pending ? "Saving…" : "Start a rehearsal now"}
      </Button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        run(async () => {
          const r = await endRehearsalAction({ launchId: rights.launchId, runId: open.id, opId: op.take(), ...(measured ? { rollbackMeasuredMin: Number(measured) } : {}) });
          op.answered();
          return r;
        }, { success: "Rehearsal ended." });
      }}
    >
      <div className="w-56">
        <label htmlFor={id} className="block text-sm font-medium">
          Rollback measured (minutes, optional)
        </label>
        <Input id={id} type="number" min={0} max={10080} value={measured} onChange={(e) => setMeasured(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "End the rehearsal"}
      </Button>
    </form>
  );
}

function AdoptButton({ run: r, launchId }: { run: RunbookRunDto; launchId: string }) {
  const { run, pending } = useAction();
  const op = useOpId();
  return (
    <Button
      size="sm"
      variant="secondary"
      disabled={pending}
      data-saving={pending || undefined}
      onClick={() =>
        run(async () => {
          const res = await adoptRehearsalDurationsAction({ launchId, runId: r.id, opId: op.take() });
          op.answered();
          return res;
        }, { success: "Durations adopted: the plan has a new version; earlier runs keep theirs." })
      }
    >
      {pending ? "Saving…" : "Adopt these durations"}
    </Button>
  );
}

/** Task by task: the plan, each rehearsal and the live run, with what ran more than 25 % over. */
export function RehearsalsView() {
  const rights = useRunbookRights();
  const { dto } = useRunbook(rights.launchId);
  if (!dto) return null;
  if (!dto.runbook) return <RunbookEmpty dto={dto} />;
  const rehearsals = dto.runs.filter((r) => r.kind === "REHEARSAL");
  const live = dto.runs.find((r) => r.kind === "LIVE" && r.actuals.some((a) => a.start));
  const columns = [...rehearsals.map((r, i) => ({ run: r, label: `Rehearsal ${i + 1}` })), ...(live ? [{ run: live, label: "Live run" }] : [])];
  const zone = dto.timeZone;
  return (
    <div className="space-y-5">
      <Card aria-labelledby="rehearsal-control" className="p-4">
        <h2 id="rehearsal-control" className="text-sm font-semibold">Rehearsals</h2>
        <p className="mt-1 mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          A rehearsal runs this runbook outside the window, with the plan shifted to its start. Its durations are kept for comparison; the rollback it measures feeds the point of
          no return.
        </p>
        <RehearsalControls dto={dto} />
      </Card>
      <Card aria-labelledby="comparison">
        <CardHeader id="comparison" title="Planned against actual" description={`Minutes per task. ▲ marks more than ${Math.round(OVER * 100)} % over the plan of that run.`} />
        {columns.length === 0 ? (
          <EmptyState icon={<TimerReset className="size-8" />} title="No runs to compare yet">
            Start a rehearsal: each finished task&apos;s duration appears here beside the plan.
          </EmptyState>
        ) : (
          <div className="relative overflow-x-auto focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none" role="region" aria-label="Planned and rehearsed durations" tabIndex={0}>
            <table className="w-full min-w-[36rem] text-sm">
              <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">Task</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">Planned</th>
                  {columns.map((c) => (
                    <th key={c.run.id} scope="col" className="px-3 py-2 text-right font-medium">
                      {c.label}
                      <span className="block font-normal">{formatInZone(new Date(c.run.startAt), zone, { weekday: false, year: false })}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {dto.tasks.map((t) => (
                  <tr key={t.id} data-testid="comparison-row">
                    <th scope="row" className="px-3 py-2 text-left font-medium">{t.title}</th>
                    <td className="px-3 py-2 text-right tabular-nums">{t.durationMin}</td>
                    {columns.map((c) => {
                      const actual = actualMin(c.run, t.id);
                      const planned = c.run.plannedMin[t.id] ?? t.durationMin;
                      const over = actual !== null && actual > planned * (1 + OVER);
                      return (
                        <td key={c.run.id} className={over ? "px-3 py-2 text-right font-semibold tabular-nums text-red-700 dark:text-red-300" : "px-3 py-2 text-right tabular-nums"}>
                          {actual === null ? (
                            <span className="text-zinc-500 dark:text-zinc-400">—</span>
                          ) : (
                            <span className="inline-flex items-center gap-1" title={over ? `${minutes(actual - planned)} over the plan of ${minutes(planned)}` : undefined}>
                              {over && <AlertTriangle className="size-3.5" aria-label="More than 25 % over" />}
                              {actual}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              {rights.canEdit && rehearsals.some((r) => r.endedAt) && (
                <tfoot>
                  <tr className="border-t border-zinc-200 dark:border-zinc-800">
                    <td className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400" colSpan={2}>
                      Plan revision {dto.runbook.revision}
                    </td>
                    {columns.map((c) => (
                      <td key={c.run.id} className="px-3 py-2 text-right">
                        {c.run.kind === "REHEARSAL" && c.run.endedAt && <AdoptButton run={c.run} launchId={rights.launchId} />}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}
        {rehearsals.some((r) => r.rollbackMeasuredMin !== null) && (
          <p className="border-t border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800">
            Rollback measured:{" "}
            {rehearsals
              .filter((r) => r.rollbackMeasuredMin !== null)
              .map((r) => `${minutes(r.rollbackMeasuredMin!)} (${formatInZone(new Date(r.startAt), zone, { weekday: false, year: false })})`)
              .join(", ")}
          </p>
        )}
      </Card>
    </div>
  );
}
