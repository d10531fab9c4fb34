"use client";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { addCriterionAction, recordMetricAction, removeCriterionAction, signCriterionAction } from "@/app/(app)/launches/[launchId]/hypercare/actions";
import { TimeStamp } from "@/components/time-stamp";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, fieldAria, Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { CRITERION_KINDS, CRITERION_KIND_LABEL, type CriterionDTO, type CriterionKind, type HypercareDTO } from "@/lib/hypercare/types";
import { MetBadge } from "./badges";
import type { HypercareRights } from "./hypercare-view";
import type { useEvaluation } from "./use-evaluation";

type Props = { launchId: string; data: HypercareDTO; evaluation: ReturnType<typeof useEvaluation>; rights: HypercareRights };

export function CriteriaCard({ launchId, data, evaluation, rights }: Props) {
  const open = data.status === "HYPERCARE";
  const met = evaluation ? data.criteria.filter((c) => evaluation.byId.get(c.id)?.met).length : null;
  return (
    <Card aria-labelledby="hc-criteria">
      <CardHeader
        id="hc-criteria"
        title="Exit criteria"
        description={met === null ? "Evaluating…" : `${met} of ${data.criteria.length} met`}
      />
      {data.criteria.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400">No exit criteria: hypercare can close whenever no Sev 1 is open.{rights.manage && open ? " Add one below." : ""}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {data.criteria.map((c) => (
            <CriterionRow key={c.id} launchId={launchId} criterion={c} zone={data.timeZone} evaluation={evaluation?.byId.get(c.id)} rights={rights} open={open} />
          ))}
        </ul>
      )}
      {rights.manage && open && <AddCriterionForm launchId={launchId} />}
    </Card>
  );
}

function CriterionRow({ launchId, criterion: c, zone, evaluation, rights, open }: {
  launchId: string; criterion: CriterionDTO; zone: string; evaluation: { met: boolean; summary: string; metAt?: string } | undefined; rights: HypercareRights; open: boolean;
}) {
  const { run, pending } = useAction();
  return (
    <li className="space-y-2 px-4 py-3" data-testid="criterion" data-saving={pending || undefined}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-medium break-words">{c.title}</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{evaluation?.summary ?? "…"}</p>
          {evaluation?.metAt && (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Met on <TimeStamp at={evaluation.metAt} zone={zone} /> if no Sev 1 opens.
            </p>
          )}
          {c.kind === "METRIC" && c.valueRecordedAt && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Recorded by {c.valueRecordedByName ?? "a former member"}, <TimeStamp at={c.valueRecordedAt} zone={zone} />
            </p>
          )}
          {c.kind === "SIGNED" && c.signedAt && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Signed by {c.signedByName ?? "a former member"}, <TimeStamp at={c.signedAt} zone={zone} />
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          {evaluation && <MetBadge met={evaluation.met} />}
          {rights.manage && open && (
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove the criterion “${c.title}”`}
              disabled={pending}
              onClick={() => {
                if (!window.confirm(`Remove the exit criterion “${c.title}”?`)) return;
                run(() => removeCriterionAction({ launchId, criterionId: c.id }), { success: "Criterion removed" });
              }}
            >
              <Trash2 className="size-4" aria-hidden />
            </Button>
          )}
        </div>
      </div>
      {open && c.kind === "METRIC" && rights.record && <RecordValueForm launchId={launchId} criterion={c} />}
      {open && c.kind === "SIGNED" && rights.manage && (
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          aria-busy={pending}
          onClick={() => run(() => signCriterionAction({ launchId, criterionId: c.id, version: c.version, signed: !c.signedAt }), { success: c.signedAt ? "Signature withdrawn" : "Signed" })}
        >
          {c.signedAt ? "Withdraw signature" : "Sign"}
        </Button>
      )}
    </li>
  );
}

function RecordValueForm({ launchId, criterion: c }: { launchId: string; criterion: CriterionDTO }) {
  const { run, pending, errors } = useAction();
  const [value, setValue] = useState("");
  const id = `hc-value-${c.id}`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        run(() => recordMetricAction({ launchId, criterionId: c.id, version: c.version, value: value.trim() }), { success: "Value recorded", showsFieldErrors: true, onSuccess: () => setValue("") });
      }}
    >
      <Field id={id} label={`Observed value${c.unit ? ` (${c.unit})` : ""}${c.hours ? ` over the last ${c.hours} h` : ""}`} errors={errors.value} className="w-full max-w-56">
        <Input inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value)} placeholder={c.threshold ?? ""} {...fieldAria(id, errors.value)} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>Record</Button>
    </form>
  );
}

function AddCriterionForm({ launchId }: { launchId: string }) {
  const { run, pending, errors } = useAction();
  const [kind, setKind] = useState<CriterionKind>("SIGNED");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>Add a criterion</Button>
      </div>
    );
  }
  const num = (v: FormDataEntryValue | null) => (v === null || v === "" ? undefined : Number(v));
  return (
    <form
      className="grid gap-3 border-t border-zinc-200 px-4 py-3 sm:grid-cols-2 dark:border-zinc-800"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const input = {
          launchId, kind, title: String(f.get("title") ?? ""),
          ...(kind === "NO_SEV1" ? { days: num(f.get("days")) } : {}),
          ...(kind === "METRIC"
            ? { comparator: f.get("comparator") as "BELOW" | "ABOVE", threshold: String(f.get("threshold") ?? "").trim(), unit: String(f.get("unit") ?? ""), hours: num(f.get("hours")) }
            : {}),
        };
        run(() => addCriterionAction(input), { success: "Criterion added", showsFieldErrors: true, onSuccess: () => setOpen(false) });
      }}
    >
      <Field id="hc-kind" label="Kind">
        <Select id="hc-kind" value={kind} onChange={(e) => setKind(e.target.value as CriterionKind)}>
          {CRITERION_KINDS.map((k) => (
            <option key={k} value={k}>{CRITERION_KIND_LABEL[k]}</option>
          ))}
        </Select>
      </Field>
      <Field id="hc-title" label="Title" errors={errors.title}>
        <Input name="title" required maxLength={140} placeholder="Handover to support signed" {...fieldAria("hc-title", errors.title)} />
      </Field>
      {kind === "NO_SEV1" && (
        <Field id="hc-days" label="Days without a Sev 1" errors={errors.days}>
          <Input name="days" type="number" min={1} max={365} required defaultValue={7} {...fieldAria("hc-days", errors.days)} />
        </Field>
      )}
      {kind === "METRIC" && (
        <>
          <Field id="hc-comparator" label="Must be" errors={errors.comparator}>
            <Select name="comparator" {...fieldAria("hc-comparator", errors.comparator)}>
              <option value="BELOW">Below the threshold</option>
              <option value="ABOVE">Above the threshold</option>
            </Select>
          </Field>
          <Field id="hc-threshold" label="Threshold" errors={errors.threshold}>
            <Input name="threshold" inputMode="decimal" required placeholder="0.5" {...fieldAria("hc-threshold", errors.threshold)} />
          </Field>
          <Field id="hc-unit" label="Unit" errors={errors.unit}>
            <Input name="unit" maxLength={20} placeholder="%" {...fieldAria("hc-unit", errors.unit)} />
          </Field>
          <Field id="hc-hours" label="Over how many hours" errors={errors.hours}>
            <Input name="hours" type="number" min={0} max={2160} placeholder="72" {...fieldAria("hc-hours", errors.hours)} />
          </Field>
        </>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>Add</Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
