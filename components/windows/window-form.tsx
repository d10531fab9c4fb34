"use client";
import { TimeZoneOptions } from "@/components/ui/time-zone-options";
import { CalendarClock, ShieldAlert, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { moveWindowAction, scheduleWindowAction } from "@/app/(app)/launches/[launchId]/windows/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, fieldAria } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/domain/errors";
import { instantToWallClock, wallClockToInstant } from "@/lib/windows/window.schema";
import { parseWallClock } from "@/lib/windows/wall-clock";
import { durationNotice, wallClockNotice, type Occurrence } from "@/lib/windows/dst-notice";
import type { EnvironmentDto, WindowDto } from "@/lib/windows/dto";
import { TimeTriple } from "./time-triple";

type Props = { launchId: string; launchZone: string; environments: EnvironmentDto[]; timeZones: string[]; editing?: WindowDto; onDone?: () => void };
type Times = { start: string; end: string; checkpoint: string; pointOfNoReturn: string };
/** What a stale-version conflict carries (lib/windows/commands.ts staleConflict). */
type StaleWindow = { version: number; status: string; environment: string; start: string; end: string; timeZone: string; updatedByName: string | null };
const TIME_FIELDS: [keyof Times, string][] = [
  ["start", "Start"],
  ["end", "End"],
  ["checkpoint", "Go/no-go checkpoint"],
  ["pointOfNoReturn", "Point of no return"],
];

const instant = (local: string, zone: string) => (parseWallClock(local) ? wallClockToInstant(local, zone) : null);
// 24-hour text rather than datetime-local, whose picker follows the browser's 12/24-hour locale and so
// disagreed with the 24-hour previews. "2027-03-28 01:30" and "2027-03-28T01:30" both read.
const WALL_CLOCK_PATTERN = "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}";
const normalise = (typed: string) => typed.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/, "$1T$2");

/** Proposes, schedules or moves a window. Times are wall clock in a chosen zone, previewed live in three zones. */
export function WindowForm({ launchId, launchZone, environments, timeZones, editing, onDone }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [zone, setZone] = useState(editing?.timeZone ?? launchZone);
  const local = (iso: string | null | undefined) => (iso ? instantToWallClock(new Date(iso), editing?.timeZone ?? launchZone) : "");
  const [times, setTimes] = useState<Times>({
    start: local(editing?.start),
    end: local(editing?.end),
    checkpoint: local(editing?.checkpoint),
    pointOfNoReturn: local(editing?.pointOfNoReturn),
  });
  const [environmentId, setEnvironmentId] = useState(editing?.environmentId ?? environments[0]?.id ?? "");
  const [notes, setNotes] = useState(editing?.notes ?? "");
  const [override, setOverride] = useState(editing?.freezeOverrideReason ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [clash, setClash] = useState<{ message: string; suggestion: string | null } | null>(null);
  const [freeze, setFreeze] = useState<string | null>(editing?.freezeOverrideReason ? "This window was scheduled into a freeze." : null);
  // The version the user started editing from (a refresh may bring a newer one under them); after a
  // stale-version conflict, the one they have now been shown.
  const [version, setVersion] = useState(editing?.version ?? 1);
  const [stale, setStale] = useState<StaleWindow | null>(null);

  function submit(status: "PROPOSED" | "SCHEDULED") {
    const input = { launchId, environmentId, timeZone: zone, notes, status, freezeOverrideReason: override, ...times };
    startTransition(async () => {
      const result = editing
        ? await moveWindowAction({ ...input, windowId: editing.id, version })
        : await scheduleWindowAction(input);
      if (result.ok) {
        setErrors({});
        setClash(null);
        setStale(null);
        toast.success(editing ? "Window moved" : status === "SCHEDULED" ? "Window scheduled" : "Window proposed");
        if (!editing) {
          setTimes({ start: "", end: "", checkpoint: "", pointOfNoReturn: "" });
          setFreeze(null);
          setOverride("");
        }
        router.refresh();
        onDone?.();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      const current = result.current as { suggestion?: string | null } | undefined;
      if (result.code === "CONFLICT" && current && "version" in current) {
        // Someone saved this window first: keep the user's input, show theirs, and let a new save replace it.
        const now = current as StaleWindow;
        setStale(now);
        setVersion(now.version);
        router.refresh();
        return;
      }
      if (result.code === "CONFLICT" && current && "suggestion" in current) setClash({ message: result.error, suggestion: current.suggestion ?? null });
      else setClash(null);
      if (result.fieldErrors?.freezeOverrideReason) setFreeze(result.error);
      else if (result.code === "CONFLICT" && !current?.suggestion) router.refresh();
      // Said inline (the clash box, the freeze box, beside the fields): a toast would cover the form.
      const inline = (result.code === "CONFLICT" && current && "suggestion" in current) || Object.keys(result.fieldErrors ?? {}).length > 0;
      if (!inline) toast.error(result.error);
    });
  }

  /** Moves every time by the same amount so the window starts at the suggested slot. */
  function applySuggestion(suggestion: string) {
    const startAt = instant(times.start, zone);
    if (!startAt) return;
    const delta = new Date(suggestion).getTime() - startAt.getTime();
    const shift = (v: string) => {
      const at = instant(v, zone);
      return at ? instantToWallClock(new Date(at.getTime() + delta), zone) : v;
    };
    setTimes({ start: shift(times.start), end: shift(times.end), checkpoint: shift(times.checkpoint), pointOfNoReturn: shift(times.pointOfNoReturn) });
    setClash(null);
  }

  /** The second of a repeated hour can't be said in a zone's wall clock: pin every time in UTC instead. */
  function pickSecond(key: keyof Times, second: Occurrence) {
    const toUtc = (k: keyof Times) => {
      const at = k === key ? second.at : instant(times[k], zone);
      return at ? instantToWallClock(at, "UTC") : times[k];
    };
    setTimes({ start: toUtc("start"), end: toUtc("end"), checkpoint: toUtc("checkpoint"), pointOfNoReturn: toUtc("pointOfNoReturn") });
    setZone("UTC");
  }

  const id = (name: string) => `${editing ? `edit-${editing.id}` : "new"}-${name}`;
  const scheduling = !editing || editing.status === "SCHEDULED";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(editing ? (editing.status as "PROPOSED" | "SCHEDULED") : "SCHEDULED");
      }}
      className="space-y-4 p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("environment")} label="Environment" errors={errors.environmentId}>
          <Select {...fieldAria(id("environment"), errors.environmentId)} value={environmentId} onChange={(e) => setEnvironmentId(e.target.value)}>
            {environments.map((env) => (
              <option key={env.id} value={env.id}>
                {env.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("zone")} label="Planned in time zone" errors={errors.timeZone} hint={zone === launchZone ? "The launch's zone" : `The launch plans in ${launchZone}`}>
          <Select {...fieldAria(id("zone"), errors.timeZone)} value={zone} onChange={(e) => setZone(e.target.value)}>
            <TimeZoneOptions zones={timeZones} />
          </Select>
        </Field>
        {TIME_FIELDS.map(([key, label]) => {
          const at = instant(times[key], zone);
          const notice = wallClockNotice(times[key], zone, key === "start" || key === "end" ? `the window’s ${label.toLowerCase()}` : `the ${label.toLowerCase()}`);
          const longer = key === "end" ? durationNotice(times.start, times.end, zone) : null;
          return (
            <Field key={key} id={id(key)} label={label} errors={errors[key]} hint={key === "checkpoint" || key === "pointOfNoReturn" ? "Optional; inside the window" : undefined}>
              <Input
                {...fieldAria(id(key), errors[key])}
                type="text"
                inputMode="numeric"
                placeholder="YYYY-MM-DD HH:mm (24-hour)"
                pattern={WALL_CLOCK_PATTERN}
                title="A date and a 24-hour time, such as 2027-03-28 01:30"
                required={key === "start" || key === "end"}
                value={times[key]}
                onChange={(e) => setTimes({ ...times, [key]: normalise(e.target.value) })}
              />
              {notice?.kind === "gap" && (
                <p role="status" data-testid="dst-gap" className="flex items-start gap-1.5 text-sm text-amber-900 dark:text-amber-200">
                  <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> {notice.message}
                </p>
              )}
              {notice?.kind === "repeated" && (
                <fieldset data-testid="dst-repeated" className="space-y-1 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
                  <legend className="sr-only">Which occurrence of {label.toLowerCase()}?</legend>
                  <p>{notice.message}</p>
                  <label className="mr-4 inline-flex items-center gap-1.5">
                    <input type="radio" name={id(`${key}-occurrence`)} defaultChecked /> The first, {notice.first.label}
                  </label>
                  <label className="inline-flex items-center gap-1.5">
                    <input type="radio" name={id(`${key}-occurrence`)} onChange={() => pickSecond(key, notice.second)} /> The second, {notice.second.label} (times switch to UTC)
                  </label>
                </fieldset>
              )}
              {longer && <p className="text-sm text-amber-900 dark:text-amber-200">{longer}</p>}
              {at && <TimeTriple at={at.toISOString()} zone={launchZone} className="rounded-md bg-zinc-50 px-2 py-1.5 dark:bg-zinc-950" />}
            </Field>
          );
        })}
      </div>
      <Field id={id("notes")} label="Notes" errors={errors.notes} hint="Runbook link, rollback plan, bridge number.">
        <Textarea {...fieldAria(id("notes"), errors.notes)} rows={2} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      {stale && (
        <div role="alert" data-testid="window-conflict" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800">
          <p className="font-medium">{stale.updatedByName ?? "Someone"} changed this window while you were editing it. Your changes are kept below and were not saved.</p>
          <p className="mt-1">
            Now: {stale.status.toLowerCase().replace("_", " ")} on {stale.environment}, {instantToWallClock(new Date(stale.start), stale.timeZone).replace("T", " ")} to{" "}
            {instantToWallClock(new Date(stale.end), stale.timeZone).replace("T", " ")} ({stale.timeZone}). Save again to replace it with yours, or cancel to keep it.
          </p>
        </div>
      )}
      {clash && (
        <div role="alert" className="flex flex-wrap items-start gap-3 rounded-md bg-red-50 p-3 text-sm text-red-900 ring-1 ring-inset ring-red-600/25 dark:bg-red-950/60 dark:text-red-200" data-testid="clash">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p className="min-w-0 flex-1">{clash.message}</p>
          {clash.suggestion && (
            <Button type="button" size="sm" variant="secondary" onClick={() => applySuggestion(clash.suggestion!)}>
              <CalendarClock className="size-4" aria-hidden /> Use suggested slot
            </Button>
          )}
        </div>
      )}
      {freeze && scheduling && (
        <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-inset ring-amber-600/30 dark:bg-amber-950/50 dark:ring-amber-400/30" data-testid="freeze-warning">
          <p className="flex items-start gap-2 text-sm text-amber-900 dark:text-amber-200">
            <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> {freeze}
          </p>
          <Field id={id("override")} label="Reason for overriding the freeze" errors={errors.freezeOverrideReason} hint="Shown on the window and kept in the audit trail.">
            <Textarea {...fieldAria(id("override"), errors.freezeOverrideReason)} rows={2} maxLength={1000} value={override} onChange={(e) => setOverride(e.target.value)} />
          </Field>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {editing ? (
          <>
            <Button type="button" variant="secondary" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save changes"}
            </Button>
          </>
        ) : (
          <>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => submit("PROPOSED")}>
              Propose only
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : freeze && override.trim() ? "Override freeze and schedule" : "Schedule window"}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
