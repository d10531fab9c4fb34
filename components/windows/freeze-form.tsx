"use client";
import { TimeZoneOptions } from "@/components/ui/time-zone-options";
import { Plus } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { createFreezeAction, updateFreezeAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { plural } from "@/lib/checklist/quote-list";
import type { FreezeFormValues } from "@/lib/windows/actions.schema";
import type { EnvironmentDto } from "@/lib/windows/dto";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// Text, not datetime-local/time: those pickers follow the browser's 12/24-hour locale; the app is 24-hour.
const WALL = "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}";
const WALL_TITLE = "A date and a 24-hour time, such as 2027-12-20 18:00";
const HHMM = "([01]\\d|2[0-3]):[0-5]\\d";

/** Told after a freeze is saved: windows already scheduled stay put, but their readiness now flags the freeze. */
export function windowsCaughtSentence(n: number | null) {
  if (n === null) return "";
  return n === 0
    ? " No scheduled window falls in it."
    : ` ${plural(n, "scheduled window")} in the coming year now ${n === 1 ? "falls" : "fall"} in it; ${n === 1 ? "its launch shows" : "their launches show"} it on readiness.`;
}

type Conflict = { message: string };

/**
 * One-off freezes take two wall-clock times; weekly ones take weekdays and times, both in a chosen zone.
 * With `freeze`, the form edits that freeze (prefilled, Save / Cancel); without, it adds one.
 */
export function FreezeForm({
  environments,
  timeZones,
  freeze,
  onDone,
}: {
  environments: EnvironmentDto[];
  timeZones: string[];
  freeze?: FreezeFormValues;
  onDone?: (saved: boolean) => void;
}) {
  const { run, pending, errors } = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<"ONE_OFF" | "WEEKLY">(freeze?.kind ?? "ONE_OFF");
  // The version the admin started from; after a conflict, the one they have now been shown.
  const [version, setVersion] = useState(freeze?.version ?? 1);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const id = (name: string) => `${freeze ? "edit-freeze" : "freeze"}-${name}`;

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
    type Saved = { description: string; windowsCaught: number | null; unchanged?: boolean };
    run<Saved>(() => (freeze ? updateFreezeAction({ ...input, freezeId: freeze.freezeId, version }) : createFreezeAction(input)), {
      showsFieldErrors: true,
      refresh: true,
      onSuccess: (data) => {
        setConflict(null);
        if (data.unchanged) {
          onDone?.(false);
          return;
        }
        toast.success(`${freeze ? "Freeze saved" : "Freeze added"}: ${data.description}.${windowsCaughtSentence(data.windowsCaught)}`);
        if (!freeze) formRef.current?.reset();
        onDone?.(true);
      },
      onError: (failure) => {
        if (failure.code !== "CONFLICT") return false;
        const current = failure.current as { version?: number } | undefined;
        if (typeof current?.version === "number") setVersion(current.version);
        setConflict({ message: failure.error });
        return true;
      },
    });
  }

  const title = freeze ? "Kind of freeze" : "Add a freeze";
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className={freeze ? "space-y-4" : "space-y-4 border-t border-zinc-200 p-4 dark:border-zinc-800"}
      aria-label={freeze ? "Edit the freeze" : "Add a freeze"}
    >
      {conflict && (
        <div role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
          {conflict.message} Saving again replaces their version with yours.
        </div>
      )}
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="mb-1 text-sm font-medium">{title}</legend>
        {(["ONE_OFF", "WEEKLY"] as const).map((k) => (
          <label key={k} className="inline-flex items-center gap-1.5">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k === "ONE_OFF" ? "One-off" : "Weekly"}
          </label>
        ))}
      </fieldset>
      <div className={freeze ? "grid gap-3 sm:grid-cols-2" : "grid gap-3 sm:grid-cols-3"}>
        <Field id={id("reason")} label="Reason" errors={errors.reason} className={freeze ? "sm:col-span-2" : "sm:col-span-3"}>
          <Input {...fieldAria(id("reason"), errors.reason)} name="reason" required maxLength={500} placeholder="Year-end change freeze" defaultValue={freeze?.reason} />
        </Field>
        <Field id={id("env")} label="Applies to" errors={errors.environmentId}>
          <Select {...fieldAria(id("env"), errors.environmentId)} name="environmentId" defaultValue={freeze?.environmentId ?? ""}>
            <option value="">All environments</option>
            {environments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("zone")} label="Time zone" errors={errors.timeZone}>
          <Select {...fieldAria(id("zone"), errors.timeZone)} name="timeZone" defaultValue={freeze?.timeZone ?? "UTC"}>
            <TimeZoneOptions zones={timeZones} />
          </Select>
        </Field>
        {kind === "ONE_OFF" ? (
          <>
            <Field id={id("start")} label="Freeze start" errors={errors.start}>
              <Input {...fieldAria(id("start"), errors.start)} name="start" type="text" inputMode="numeric" required placeholder="YYYY-MM-DD HH:mm" pattern={WALL} title={WALL_TITLE} defaultValue={freeze?.start} />
            </Field>
            <Field id={id("end")} label="Freeze end" errors={errors.end}>
              <Input {...fieldAria(id("end"), errors.end)} name="end" type="text" inputMode="numeric" required placeholder="YYYY-MM-DD HH:mm" pattern={WALL} title={WALL_TITLE} defaultValue={freeze?.end} />
            </Field>
          </>
        ) : (
          <>
            <fieldset className={freeze ? "sm:col-span-2" : "sm:col-span-3"}>
              <legend className="text-sm font-medium">Weekdays</legend>
              <div className="mt-1 flex flex-wrap gap-3 text-sm">
                {DAYS.map((d, i) => (
                  <label key={d} className="inline-flex items-center gap-1">
                    <input type="checkbox" name="weekdays" value={i + 1} defaultChecked={freeze?.weekdays.length ? freeze.weekdays.includes(i + 1) : i < 5} /> {d}
                  </label>
                ))}
              </div>
              {errors.weekdays && <p className="mt-1 text-xs font-medium text-red-600" role="alert">{errors.weekdays[0]}</p>}
            </fieldset>
            <Field id={id("from")} label="From (HH:mm)" errors={errors.startTime}>
              <Input {...fieldAria(id("from"), errors.startTime)} name="startTime" type="text" inputMode="numeric" required defaultValue={freeze?.startTime || "08:00"} pattern={HHMM} title="A 24-hour time, such as 08:00" />
            </Field>
            <Field id={id("to")} label="To (HH:mm)" errors={errors.endTime} hint="At or before the start: runs past midnight.">
              <Input {...fieldAria(id("to"), errors.endTime)} name="endTime" type="text" inputMode="numeric" required defaultValue={freeze?.endTime || "18:00"} pattern={HHMM} title="A 24-hour time, such as 18:00" />
            </Field>
          </>
        )}
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {freeze ? (
          <>
            <Button type="button" variant="secondary" onClick={() => onDone?.(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              {pending ? "Saving…" : "Save freeze"}
            </Button>
          </>
        ) : (
          <Button type="submit" pending={pending}>
            <Plus className="size-4" aria-hidden /> Add freeze
          </Button>
        )}
      </div>
    </form>
  );
}
