"use client";
import { useId, useRef, useState } from "react";
import { recordRollbackDecisionAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, fieldAria, Select, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ForecastSnapshot, RollbackDecisionKind, RunbookDto } from "@/lib/runbook/dto";
import { formatInZone } from "@/lib/time/format";
import { useRunbookRights } from "./rights";
import { minutes } from "./time";
import type { RunbookForecast } from "./use-runbook";

const DECISION_LABEL: Record<RollbackDecisionKind, string> = { CONTINUE: "Continue", ROLL_BACK: "Roll back", FIX_FORWARD: "Fix forward", HOLD: "Hold" };

/** Managers record a rollback decision with what triggered it, the evidence, who approved it and the
 *  forecast at that moment; rolling back moves the launch's lifecycle. Past decisions listed below. */
export function RollbackDecision({ dto, forecast }: { dto: RunbookDto; forecast: RunbookForecast }) {
  const rights = useRunbookRights();
  const { run, pending, errors } = useAction();
  const p = useId();
  const opId = useRef<string | null>(null);
  const [form, setForm] = useState({ trigger: "", evidence: "", decision: "CONTINUE" as RollbackDecisionKind, approvedById: "" });
  const zone = dto.timeZone;
  if (!rights.canRun && dto.decisions.length === 0) return null;
  const snapshot = (): ForecastSnapshot => ({
    forecastEnd: forecast.forecastEnd?.toISOString() ?? null,
    slackMin: forecast.slackMin,
    pointOfNoReturn: forecast.ponr?.toISOString() ?? null,
    rollbackFits: forecast.rollbackFits,
    lateTasks: forecast.plan?.live?.late.length ?? 0,
  });
  return (
    <Card aria-labelledby="rollback-decisions">
      <CardHeader id="rollback-decisions" title="Rollback decisions" description="Recorded with the forecast of the moment; rolling back moves the launch to Rolled back." />
      {dto.decisions.length > 0 && (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {[...dto.decisions].reverse().map((d) => (
            <li key={d.id} className="px-4 py-2">
              <div className="font-medium">
                {DECISION_LABEL[d.decision]} · {formatInZone(new Date(d.at), zone, { year: false })}
              </div>
              <p className="break-words">{d.trigger}</p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Decided by {d.decidedBy.name}
                {d.approvedBy && `, approved by ${d.approvedBy.name}`}
                {d.forecast.slackMin !== null && ` · slack then ${minutes(d.forecast.slackMin)}`}
                {d.forecast.rollbackFits === false && " · rollback no longer fitted"}
              </p>
            </li>
          ))}
        </ul>
      )}
      {rights.canRun && (
        <form
          className="grid gap-3 border-t border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800"
          data-saving={pending || undefined}
          onSubmit={(e) => {
            e.preventDefault();
            opId.current ??= crypto.randomUUID();
            const input = { launchId: rights.launchId, opId: opId.current, trigger: form.trigger, evidence: form.evidence, links: [], decision: form.decision, approvedById: form.approvedById || null, forecast: snapshot() };
            run(
              async () => {
                const r = await recordRollbackDecisionAction(input);
                opId.current = null;
                return r;
              },
              { success: "Decision recorded.", showsFieldErrors: true, onSuccess: () => setForm({ trigger: "", evidence: "", decision: "CONTINUE", approvedById: "" }) },
            );
          }}
        >
          <Field id={`${p}-trigger`} label="Trigger" errors={errors.trigger} className="sm:col-span-2">
            <Textarea {...fieldAria(`${p}-trigger`, errors.trigger)} value={form.trigger} onChange={(e) => setForm({ ...form, trigger: e.target.value })} rows={2} required maxLength={1000} />
          </Field>
          <Field id={`${p}-evidence`} label="Evidence" errors={errors.evidence} className="sm:col-span-2">
            <Textarea {...fieldAria(`${p}-evidence`, errors.evidence)} value={form.evidence} onChange={(e) => setForm({ ...form, evidence: e.target.value })} rows={2} maxLength={4000} />
          </Field>
          <Field id={`${p}-decision`} label="Decision" errors={errors.decision}>
            <Select {...fieldAria(`${p}-decision`, errors.decision)} value={form.decision} onChange={(e) => setForm({ ...form, decision: e.target.value as RollbackDecisionKind })}>
              {Object.entries(DECISION_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${p}-approver`} label="Approved by" errors={errors.approvedById}>
            <Select {...fieldAria(`${p}-approver`, errors.approvedById)} value={form.approvedById} onChange={(e) => setForm({ ...form, approvedById: e.target.value })}>
              <option value="">Nobody else</option>
              {dto.people.filter((x) => x.userId !== rights.userId).map((x) => (
                <option key={x.userId} value={x.userId}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className="sm:col-span-2">
            <Button type="submit" variant={form.decision === "ROLL_BACK" ? "danger" : "primary"} disabled={pending || !form.trigger.trim()}>
              {pending ? "Saving…" : `Record: ${DECISION_LABEL[form.decision]}`}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
