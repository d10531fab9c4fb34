"use client";
import { Siren } from "lucide-react";
import { useState } from "react";
import { openIncidentAction } from "@/app/(app)/launches/[launchId]/hypercare/actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { Field, fieldAria, Input, Select, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { SEVERITIES, SEVERITY_LABEL, type HypercareDTO } from "@/lib/hypercare/types";
import type { MemberRow } from "@/lib/launches/view-types";
import { IncidentItem } from "./incident-item";

type Props = { launchId: string; data: HypercareDTO; members: MemberRow[]; canWrite: boolean };

export function IncidentLog({ launchId, data, members, canWrite }: Props) {
  const [opening, setOpening] = useState(false);
  const open = data.incidents.filter((i) => i.state !== "RESOLVED").length;
  return (
    <Card aria-labelledby="hc-incidents">
      <CardHeader
        id="hc-incidents"
        title="Incident log"
        description={data.incidents.length ? `${data.incidents.length} incident${data.incidents.length === 1 ? "" : "s"}, ${open} open` : undefined}
        actions={canWrite && !opening ? <Button size="sm" onClick={() => setOpening(true)}>Open an incident</Button> : undefined}
      />
      {opening && <OpenIncidentForm launchId={launchId} members={members} onDone={() => setOpening(false)} />}
      {data.incidents.length === 0 ? (
        <EmptyState icon={<Siren className="size-8" />} title="No incidents">
          {canWrite ? "When something goes wrong after the switch, open an incident here: everyone on the launch sees it at once." : "Nothing has been reported."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {data.incidents.map((i) => (
            <IncidentItem key={i.id} launchId={launchId} incident={i} zone={data.timeZone} members={members} canWrite={canWrite} />
          ))}
        </ul>
      )}
    </Card>
  );
}

export function OwnerOptions({ members }: { members: MemberRow[] }) {
  return (
    <>
      <option value="">No owner yet</option>
      {members.filter((m) => m.role !== "VIEWER").map((m) => (
        <option key={m.userId} value={m.userId}>{m.name}</option>
      ))}
    </>
  );
}

function OpenIncidentForm({ launchId, members, onDone }: { launchId: string; members: MemberRow[]; onDone: () => void }) {
  const { run, pending, errors } = useAction();
  return (
    <form
      aria-label="Open an incident"
      className="grid gap-3 border-b border-zinc-200 px-4 py-4 sm:grid-cols-2 dark:border-zinc-800"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(
          () =>
            openIncidentAction({
              launchId,
              title: String(f.get("title") ?? ""),
              severity: Number(f.get("severity")),
              ownerId: String(f.get("ownerId") ?? ""),
              releaseRelated: f.get("releaseRelated") === "on",
              rollbackTrigger: f.get("rollbackTrigger") === "on",
              note: String(f.get("note") ?? ""),
            }),
          { success: "Incident opened", showsFieldErrors: true, onSuccess: onDone },
        );
      }}
    >
      <Field id="inc-title" label="What is wrong" errors={errors.title} className="sm:col-span-2">
        <Input name="title" required maxLength={140} autoFocus placeholder="Checkout times out for card payments" {...fieldAria("inc-title", errors.title)} />
      </Field>
      <Field id="inc-severity" label="Severity" errors={errors.severity}>
        <Select name="severity" defaultValue="2" {...fieldAria("inc-severity", errors.severity)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{SEVERITY_LABEL[s]}</option>
          ))}
        </Select>
      </Field>
      <Field id="inc-owner" label="Owner" errors={errors.ownerId}>
        <Select name="ownerId" defaultValue="" {...fieldAria("inc-owner", errors.ownerId)}>
          <OwnerOptions members={members} />
        </Select>
      </Field>
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="sr-only">Flags</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="releaseRelated" defaultChecked className="size-4 accent-accent-600" /> Caused by this release
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="rollbackTrigger" className="size-4 accent-accent-600" /> Rollback trigger (would justify rolling back)
        </label>
      </fieldset>
      <Field id="inc-note" label="First note" hint="What you see, since when, what you tried" errors={errors.note} className="sm:col-span-2">
        <Textarea name="note" maxLength={4000} {...fieldAria("inc-note", errors.note)} />
      </Field>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>Open incident</Button>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
