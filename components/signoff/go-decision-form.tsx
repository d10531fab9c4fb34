"use client";
import { Rocket, ShieldAlert, OctagonX } from "lucide-react";
import { useState } from "react";
import { recordGoDecisionAction } from "@/app/(app)/launches/[launchId]/go-no-go/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, Input, Textarea, fieldAria } from "@/components/ui/field";
import type { ReadinessState } from "@/lib/readiness/readiness";
import { OVERRIDE_MIN } from "@/lib/signoff/signoff.schema";
import { useRun } from "./use-run";

type Props = { launchId: string; state: ReadinessState; reasonCount: number; canGo: boolean; canNoGo: boolean; status: string; statusLabel: string };

/** The manager's decision. GO is only offered when READY, unless overridden with a written reason. */
export function GoDecisionForm({ launchId, state, reasonCount, canGo, canNoGo, status, statusLabel }: Props) {
  const { run, pending, errors } = useRun();
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState("");
  const [notes, setNotes] = useState("");
  const [clicked, setClicked] = useState<"GO" | "NO_GO" | null>(null);
  const ready = state === "READY";
  const reasonOk = reason.trim().length >= OVERRIDE_MIN;
  const goEnabled = canGo && !pending && (ready || (override && reasonOk));

  function go() {
    setClicked("GO");
    run(() => recordGoDecisionAction({ launchId, outcome: "GO", notes, overrideReason: ready ? "" : reason }), ready ? "GO recorded" : "GO recorded with an override");
  }
  function noGo(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setClicked("NO_GO");
    run(() => recordGoDecisionAction({ launchId, outcome: "NO_GO", notes: String(form.get("notes") ?? ""), nextStep: String(form.get("nextStep") ?? "") }), "NO-GO recorded");
  }

  return (
    <Card aria-labelledby="decide" className="no-print">
      <CardHeader id="decide" title="Record the decision" description="Managers only. Every decision is kept in the history and the audit trail." />
      <div className="grid gap-4 p-4 md:grid-cols-2">
        {/* After a GO only NO-GO remains (calling it off); before READY the GO side explains the way there. */}
        {!canGo && status !== "PLANNING" ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">GO is recorded. If the launch must be called off before the window, record NO-GO with the reasons.</p>
        ) : (
          <section aria-label="GO" className="space-y-3">
            {!canGo ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">GO can’t be recorded while the launch is “{statusLabel}”.</p>
            ) : ready ? (
              <p className="text-sm text-green-800 dark:text-green-300">Every gate is met.</p>
            ) : (
              <div className="space-y-2">
                <p className="text-sm text-red-800 dark:text-red-300">GO is disabled: the launch is not ready ({reasonCount} open reason{reasonCount === 1 ? "" : "s"}).</p>
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> Override: go anyway, with a written reason
                </label>
                {override && (
                  <Field id="override-reason" label="Override reason" hint={`At least ${OVERRIDE_MIN} characters. Shown prominently to everyone and audited.`} errors={errors.overrideReason}>
                    <Textarea {...fieldAria("override-reason", errors.overrideReason)} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
                  </Field>
                )}
              </div>
            )}
            <Field id="go-notes" label="Notes (optional)">
              <Textarea id="go-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
            </Field>
            <Button type="button" size="lg" disabled={!goEnabled} pending={pending && clicked === "GO"} onClick={go} className="w-full bg-green-700 hover:bg-green-800 disabled:bg-green-700/40">
              {ready ? <Rocket className="size-5" aria-hidden /> : <ShieldAlert className="size-5" aria-hidden />}
              {ready ? "Record GO" : "Record GO with override"}
            </Button>
          </section>
        )}
        <form onSubmit={noGo} aria-label="NO-GO" className="space-y-3 md:border-l md:border-zinc-200 md:pl-4 dark:md:border-zinc-800">
          <Field id="nogo-notes" label="Reasons for NO-GO" errors={errors.notes}>
            <Textarea {...fieldAria("nogo-notes", errors.notes)} name="notes" rows={3} disabled={!canNoGo} />
          </Field>
          <Field id="nogo-next" label="Next step" errors={errors.nextStep}>
            <Input {...fieldAria("nogo-next", errors.nextStep)} name="nextStep" placeholder="Replan for next Saturday, 02:00" disabled={!canNoGo} />
          </Field>
          <Button type="submit" size="lg" variant="danger" disabled={!canNoGo || pending} pending={pending && clicked === "NO_GO"} className="w-full">
            <OctagonX className="size-5" aria-hidden /> Record NO-GO
          </Button>
        </form>
      </div>
    </Card>
  );
}
