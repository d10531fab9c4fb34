"use client";
import { Clock } from "lucide-react";
import { useState } from "react";
import { setDigestTimeAction } from "@/app/(app)/settings/notifications/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field, fieldAria, Select } from "@/components/ui/field";
import { TimeZoneOptions } from "@/components/ui/time-zone-options";
import { useAction } from "@/components/ui/use-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import { describeDigestTime, nextDigestAt, type DigestTime } from "@/lib/notifications/digest-time";
import { canonicalZone } from "@/lib/time/zones";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;

function browserZone(zones: string[]): string | null {
  const zone = canonicalZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  return zone && zones.includes(zone) ? zone : null;
}

/** "(your time)" when the digest's zone is the browser's, else the same instant on the browser's clock. */
function yourTime(saved: DigestTime, mine: string | null): string {
  if (!mine) return "";
  if (mine === saved.timeZone) return " (your time)";
  const at = nextDigestAt(new Date(), saved);
  const local = new Intl.DateTimeFormat("en-GB", { timeZone: mine, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return ` (${local} your time, ${mine})`;
}

/** The hour and zone of the daily digest. Until the user saves one, 07:00 UTC applies; the zone offered is the browser's. */
export function DigestTimeForm({ initial, zones }: { initial: DigestTime & { chosen: boolean }; zones: string[] }) {
  const hydrated = useHydrated();
  const mine = hydrated ? browserZone(zones) : null;
  const [saved, setSaved] = useState<DigestTime & { chosen: boolean }>(initial);
  const [hour, setHour] = useState(initial.hour);
  // null: not touched; before the first save that means the browser's zone.
  const [zone, setZone] = useState<string | null>(initial.chosen ? initial.timeZone : null);
  const shownZone = zone ?? mine ?? initial.timeZone;
  const { run, pending, errors } = useAction();

  function save(e: React.FormEvent) {
    e.preventDefault();
    run(() => setDigestTimeAction({ digestHour: hour, digestTimeZone: shownZone }), {
      success: "Digest time saved",
      showsFieldErrors: true,
      onSuccess: (data) => {
        setSaved({ ...data, chosen: true });
        setZone(data.timeZone);
      },
    });
  }

  return (
    <Card aria-labelledby="digest-time">
      <CardHeader id="digest-time" title="Daily digest" description="When the kinds you set to “Daily digest” arrive, in one mail." />
      <form onSubmit={save} className="space-y-4 px-4 py-4">
        <p className="flex items-start gap-2 text-sm text-zinc-800 dark:text-zinc-200" aria-live="polite" data-testid="digest-summary">
          <Clock className="mt-0.5 size-4 shrink-0 text-zinc-500" aria-hidden />
          <span className="min-w-0">
            Daily at <strong className="font-semibold">{describeDigestTime(saved)}</strong>
            {yourTime(saved, mine)}
            {!saved.chosen && <span className="text-zinc-500 dark:text-zinc-400">: the default until you save your own.</span>}
          </span>
        </p>
        <div className="grid gap-3 sm:grid-cols-[8rem_minmax(0,1fr)_auto] sm:items-start">
          <Field id="digest-hour" label="Hour" hint="On that zone’s clock" errors={errors.digestHour}>
            <Select {...fieldAria("digest-hour", errors.digestHour)} value={hour} onChange={(e) => setHour(Number(e.target.value))} disabled={pending}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hh(h)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="digest-zone" label="Time zone" hint={mine ? `Your browser’s: ${mine}` : "An IANA zone, e.g. Europe/London"} errors={errors.digestTimeZone}>
            <Select {...fieldAria("digest-zone", errors.digestTimeZone)} value={shownZone} onChange={(e) => setZone(e.target.value)} disabled={pending}>
              <TimeZoneOptions zones={zones} />
            </Select>
          </Field>
          {/* Level with the selects: below a label's height (20px line + 6px gap). */}
          <Button type="submit" pending={pending} className="w-full sm:mt-[1.625rem] sm:w-auto">
            Save digest time
          </Button>
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Local time: the digest follows the zone’s summer and winter clocks. On a day your hour is skipped by a clock change, it goes out once,
          when the clock jumps past it.
        </p>
      </form>
    </Card>
  );
}
