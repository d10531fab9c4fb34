"use client";
import { useId, useState } from "react";
import { setRunbookRequiredAction, updateRunbookSettingsAction } from "@/app/(app)/launches/[launchId]/runbook/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, fieldAria, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { RunbookDto } from "@/lib/runbook/dto";
import { minutes } from "./time";

/** Rollback duration and buffer (they set the point of no return), and whether readiness asks for a runbook. */
export function PlanSettings({ dto, launchId }: { dto: RunbookDto; launchId: string }) {
  const { run, pending, errors } = useAction();
  const required = useAction();
  const p = useId();
  const [rollback, setRollback] = useState(String(dto.rollback.rollbackMin));
  const [buffer, setBuffer] = useState(String(dto.rollback.bufferMin));
  if (!dto.runbook) return null;
  const version = dto.runbook.version;
  return (
    <Card aria-labelledby="rollback-settings">
      <CardHeader
        id="rollback-settings"
        title="Rollback and point of no return"
        description={`Point of no return = window end − rollback − buffer.${dto.rollback.measuredRollbackMin !== null ? ` The last rehearsal measured a rollback of ${minutes(dto.rollback.measuredRollbackMin)}: it is used instead of the entered one.` : ""}`}
      />
      <form
        className="flex flex-wrap items-end gap-3 p-4"
        data-saving={pending || undefined}
        onSubmit={(e) => {
          e.preventDefault();
          run(() => updateRunbookSettingsAction({ launchId, version, rollbackMin: Number(rollback), bufferMin: Number(buffer) }), { success: "Rollback settings saved.", showsFieldErrors: true });
        }}
      >
        <Field id={`${p}-rb`} label="Rollback (minutes)" errors={errors.rollbackMin} className="w-40">
          <Input {...fieldAria(`${p}-rb`, errors.rollbackMin)} type="number" min={0} max={10080} value={rollback} onChange={(e) => setRollback(e.target.value)} required />
        </Field>
        <Field id={`${p}-buf`} label="Buffer (minutes)" errors={errors.bufferMin} className="w-40">
          <Input {...fieldAria(`${p}-buf`, errors.bufferMin)} type="number" min={0} max={10080} value={buffer} onChange={(e) => setBuffer(e.target.value)} required />
        </Field>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <label className="flex basis-full items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent-600"
            checked={dto.runbookRequired}
            disabled={required.pending}
            onChange={(e) => required.run(() => setRunbookRequiredAction({ launchId, required: e.target.checked }))}
          />
          Readiness requires a runbook that fits in the window
        </label>
      </form>
    </Card>
  );
}
