"use client";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { useState } from "react";
import { changePlannedEndAction, closeHypercareAction } from "@/app/(app)/launches/[launchId]/hypercare/actions";
import { TimeStamp } from "@/components/time-stamp";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, fieldAria, Input, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { spanWords } from "@/lib/hypercare/criteria";
import { OVERRIDE_MIN } from "@/lib/hypercare/schema";
import type { HypercareDTO } from "@/lib/hypercare/types";
import { instantToWallClock, wallClockToInstant } from "@/lib/windows/wall-clock";
import type { HypercareRights } from "./hypercare-view";
import type { useEvaluation } from "./use-evaluation";

type Props = { launchId: string; data: HypercareDTO; evaluation: ReturnType<typeof useEvaluation>; rights: HypercareRights };

export function HypercareSummary({ launchId, data, evaluation, rights }: Props) {
  const record = data.hypercare!;
  const zone = data.timeZone;
  const closed = record.closedAt !== null;
  const elapsed = evaluation ? (record.closedAt ? Date.parse(record.closedAt) : evaluation.now) - Date.parse(record.startedAt) : null;
  const pastEnd = evaluation && !closed && evaluation.now > Date.parse(record.plannedEndAt);
  return (
    <Card aria-labelledby="hc-summary">
      <CardHeader id="hc-summary" title={closed ? "Hypercare closed" : "Hypercare"} description={`Times in ${zone}`} />
      <div className="grid gap-4 p-4 sm:grid-cols-3">
        <div>
          <div className="text-xs text-zinc-500 dark:text-zinc-400">Started</div>
          <TimeStamp at={record.startedAt} zone={zone} className="text-sm" />
        </div>
        <div>
          <div className="text-xs text-zinc-500 dark:text-zinc-400">Planned end</div>
          <TimeStamp at={record.plannedEndAt} zone={zone} className="text-sm" />
          {pastEnd && <p className="mt-1 text-xs font-medium text-amber-800 dark:text-amber-300">Past its planned end</p>}
        </div>
        <div>
          <div className="text-xs text-zinc-500 dark:text-zinc-400">{closed ? "Closed" : "Running for"}</div>
          {closed ? <TimeStamp at={record.closedAt!} zone={zone} className="text-sm" /> : <span className="text-sm">{elapsed === null ? "…" : spanWords(elapsed)}</span>}
        </div>
      </div>
      {closed && record.overrideReason && <OverrideCallout record={record} />}
      {!closed && rights.manage && <PlannedEndForm launchId={launchId} zone={zone} plannedEndAt={record.plannedEndAt} version={record.version} />}
      {!closed && data.status === "HYPERCARE" && <ClosePanel launchId={launchId} evaluation={evaluation} canClose={rights.close} />}
    </Card>
  );
}

export function OverrideCallout({ record }: { record: NonNullable<HypercareDTO["hypercare"]> }) {
  return (
    <div role="note" data-testid="override-callout" className="mx-4 mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-inset ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-400/30">
      <p className="flex items-center gap-1.5 font-semibold">
        <AlertTriangle className="size-4" aria-hidden /> Closed by override{record.closedByName ? ` (${record.closedByName})` : ""}
      </p>
      <p className="mt-1 whitespace-pre-wrap">{record.overrideReason}</p>
      {record.overriddenBlockers.length > 0 && (
        <>
          <p className="mt-2 font-medium">Open when it closed:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {record.overriddenBlockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function PlannedEndForm({ launchId, zone, plannedEndAt, version }: { launchId: string; zone: string; plannedEndAt: string; version: number }) {
  const { run, pending, errors } = useAction();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(() => instantToWallClock(new Date(plannedEndAt), zone));
  if (!open) {
    return (
      <div className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Button variant="secondary" size="sm" onClick={() => { setValue(instantToWallClock(new Date(plannedEndAt), zone)); setOpen(true); }}>
          Change the planned end
        </Button>
      </div>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-3 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        let iso: string;
        try {
          iso = wallClockToInstant(value, zone).toISOString();
        } catch {
          return;
        }
        run(() => changePlannedEndAction({ launchId, version, plannedEndAt: iso }), { success: "Planned end changed", showsFieldErrors: true, onSuccess: () => setOpen(false) });
      }}
    >
      <Field id="hc-planned-end" label={`Planned end (${zone})`} errors={errors.plannedEndAt} className="min-w-0 flex-1">
        <Input type="datetime-local" required value={value} onChange={(e) => setValue(e.target.value)} {...fieldAria("hc-planned-end", errors.plannedEndAt)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="md" disabled={pending} aria-busy={pending}>Save</Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}

function ClosePanel({ launchId, evaluation, canClose }: { launchId: string; evaluation: Props["evaluation"]; canClose: boolean }) {
  const { run, pending, errors } = useAction();
  const [reason, setReason] = useState("");
  const blockers = evaluation?.blockers ?? [];
  const ready = evaluation !== null && blockers.length === 0;
  return (
    <section aria-labelledby="hc-exit" className="border-t border-zinc-200 px-4 py-4 dark:border-zinc-800">
      <h3 id="hc-exit" className="text-sm font-semibold">Exit</h3>
      {ready ? (
        <p className="mt-1 flex items-center gap-1.5 text-sm text-green-800 dark:text-green-300">
          <CheckCircle2 className="size-4" aria-hidden /> Every exit criterion is met and no Sev 1 is open.
        </p>
      ) : (
        <div className="mt-1 text-sm">
          <p className="flex items-center gap-1.5 font-medium text-amber-900 dark:text-amber-200">
            <AlertTriangle className="size-4" aria-hidden /> Not ready to close{evaluation ? ` (${blockers.length} open)` : ""}
          </p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-zinc-700 dark:text-zinc-300" data-testid="exit-blockers">
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
      {canClose ? (
        <form
          className="mt-3 space-y-3"
          data-saving={pending || undefined}
          onSubmit={(e) => {
            e.preventDefault();
            run(() => closeHypercareAction({ launchId, overrideReason: ready ? "" : reason }), { success: "Hypercare closed; the launch is closed", showsFieldErrors: true });
          }}
        >
          {!ready && (
            <Field
              id="hc-override"
              label="Override reason"
              hint={`To close anyway, say why (at least ${OVERRIDE_MIN} characters). It is shown on the closing report and kept in the audit trail.`}
              errors={errors.overrideReason}
            >
              <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} {...fieldAria("hc-override", errors.overrideReason)} />
            </Field>
          )}
          <Button type="submit" variant={ready ? "primary" : "danger"} disabled={pending} aria-busy={pending}>
            {ready ? "Close hypercare" : "Close hypercare by override"}
          </Button>
        </form>
      ) : (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Managers close hypercare.</p>
      )}
    </section>
  );
}
