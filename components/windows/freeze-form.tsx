"use client";
import { TimeZoneOptions } from "@/components/ui/time-zone-options";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { createFreezeAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";
import type { EnvironmentDto } from "@/lib/windows/dto";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// Text, not datetime-local/time: those pickers follow the browser's 12/24-hour locale; the app is 24-hour.
const WALL = "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}";
const WALL_TITLE = "A date and a 24-hour time, such as 2027-12-20 18:00";
const HHMM = "([01]\\d|2[0-3]):[0-5]\\d";

/** One-off freezes take two wall-clock times; weekly ones take weekdays and times, both in a chosen zone. */
export function FreezeForm({ environments, timeZones }: { environments: EnvironmentDto[]; timeZones: string[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [kind, setKind] = useState<"ONE_OFF" | "WEEKLY">("ONE_OFF");
  const [errors, setErrors] = useState<FieldErrors>({});

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    const get = (k: string) => String(f.get(k) ?? "");
    // 24-hour text fields: "2027-03-28 01:30" reads like "2027-03-28T01:30".
    const wall = (k: string) => get(k).trim().replace(/^(\d{4}-\d{2}-\d{2}) +(\d{2}:\d{2})$/, "$1T$2");
    const common = { environmentId: get("environmentId"), reason: get("reason"), timeZone: get("timeZone") };
    const input =
      kind === "ONE_OFF"
        ? { ...common, kind, start: wall("start"), end: wall("end") }
        : { ...common, kind, weekdays: f.getAll("weekdays").map(String), startTime: get("startTime"), endTime: get("endTime") };
    startTransition(async () => {
      const result = await createFreezeAction(input);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        // Field errors are shown beside their fields; a toast would cover the form.
        if (Object.keys(result.fieldErrors ?? {}).length === 0) toast.error(result.error);
        return;
      }
      setErrors({});
      formEl.reset();
      toast.success(`Freeze added: ${result.data.description}`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 border-t border-zinc-200 p-4 dark:border-zinc-800" aria-label="Add a freeze">
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-sm font-medium">Add a freeze</legend>
        {(["ONE_OFF", "WEEKLY"] as const).map((k) => (
          <label key={k} className="inline-flex items-center gap-1.5">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k === "ONE_OFF" ? "One-off" : "Weekly"}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="freeze-reason" label="Reason" errors={errors.reason} className="sm:col-span-3">
          <Input {...fieldAria("freeze-reason", errors.reason)} name="reason" required maxLength={500} placeholder="Year-end change freeze" />
        </Field>
        <Field id="freeze-env" label="Applies to" errors={errors.environmentId}>
          <Select {...fieldAria("freeze-env", errors.environmentId)} name="environmentId" defaultValue="">
            <option value="">All environments</option>
            {environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="freeze-zone" label="Time zone" errors={errors.timeZone}>
          <Select {...fieldAria("freeze-zone", errors.timeZone)} name="timeZone" defaultValue="UTC">
            <TimeZoneOptions zones={timeZones} />
          </Select>
        </Field>
        {kind === "ONE_OFF" ? (
          <>
            <Field id="freeze-start" label="Freeze start" errors={errors.start}>
              <Input {...fieldAria("freeze-start", errors.start)} name="start" type="text" inputMode="numeric" required placeholder="YYYY-MM-DD HH:mm" pattern={WALL} title={WALL_TITLE} />
            </Field>
            <Field id="freeze-end" label="Freeze end" errors={errors.end}>
              <Input {...fieldAria("freeze-end", errors.end)} name="end" type="text" inputMode="numeric" required placeholder="YYYY-MM-DD HH:mm" pattern={WALL} title={WALL_TITLE} />
            </Field>
          </>
        ) : (
          <>
            <fieldset className="sm:col-span-3">
              <legend className="text-sm font-medium">Weekdays</legend>
              <div className="mt-1 flex flex-wrap gap-3 text-sm">
                {DAYS.map((d, i) => (
                  <label key={d} className="inline-flex items-center gap-1">
                    <input type="checkbox" name="weekdays" value={i + 1} defaultChecked={i < 5} /> {d}
                  </label>
                ))}
              </div>
              {errors.weekdays && <p className="mt-1 text-xs font-medium text-red-600" role="alert">{errors.weekdays[0]}</p>}
            </fieldset>
            <Field id="freeze-from" label="From (HH:mm)" errors={errors.startTime}>
              <Input {...fieldAria("freeze-from", errors.startTime)} name="startTime" type="text" inputMode="numeric" required defaultValue="08:00" pattern={HHMM} title="A 24-hour time, such as 08:00" />
            </Field>
            <Field id="freeze-to" label="To (HH:mm)" errors={errors.endTime} hint="At or before the start: runs past midnight.">
              <Input {...fieldAria("freeze-to", errors.endTime)} name="endTime" type="text" inputMode="numeric" required defaultValue="18:00" pattern={HHMM} title="A 24-hour time, such as 18:00" />
            </Field>
          </>
        )}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          <Plus className="size-4" aria-hidden /> Add freeze
        </Button>
      </div>
    </form>
  );
}
