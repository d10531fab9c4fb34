"use client";
import { ChevronDown } from "lucide-react";
import { useId, useState } from "react";
import { noteIncidentAction, updateIncidentAction } from "@/app/(app)/launches/[launchId]/hypercare/actions";
import { TimeStamp } from "@/components/time-stamp";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, fieldAria, Input, Select, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { INCIDENT_STATES, INCIDENT_STATE_LABEL, SEVERITIES, SEVERITY_LABEL, type IncidentDTO, type IncidentNoteDTO } from "@/lib/hypercare/types";
import type { MemberRow } from "@/lib/launches/view-types";
import { IncidentStateBadge, RollbackTriggerBadge, SeverityBadge } from "./badges";
import { OwnerOptions } from "./incident-log";

type Props = { launchId: string; incident: IncidentDTO; zone: string; members: MemberRow[]; canWrite: boolean };

export function IncidentItem({ launchId, incident: i, zone, members, canWrite }: Props) {
  const [expanded, setExpanded] = useState(false);
  const panel = useId();
  return (
    <li data-testid="incident" data-incident={i.number}>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={panel}
        onClick={() => setExpanded((v) => !v)}
        className="flex w-full flex-col gap-1.5 px-4 py-3 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/50"
      >
        <span className="flex w-full items-start justify-between gap-2">
          <span className="min-w-0 text-sm font-medium break-words">
            <span className="text-zinc-500 dark:text-zinc-400">#{i.number}</span> {i.title}
          </span>
          <ChevronDown className={cn("size-4 shrink-0 text-zinc-500 transition-transform", expanded && "rotate-180")} aria-hidden />
        </span>
        <span className="flex flex-wrap items-center gap-1.5">
          <SeverityBadge severity={i.severity} />
          <IncidentStateBadge state={i.state} />
          {i.rollbackTrigger && <RollbackTriggerBadge />}
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {i.releaseRelated ? "Release-related" : "Not release-related"} · {i.ownerName ? `Owner ${i.ownerName}` : "No owner"} · opened <TimeStamp at={i.openedAt} zone={zone} />
          </span>
        </span>
      </button>
      {expanded && (
        <div id={panel} className="space-y-4 border-t border-zinc-100 bg-zinc-50/60 px-4 py-4 dark:border-zinc-800 dark:bg-zinc-950/40">
          <Timeline notes={i.notes} zone={zone} />
          {canWrite && <NoteForm launchId={launchId} incident={i} />}
          {canWrite && <UpdateForm launchId={launchId} incident={i} members={members} />}
        </div>
      )}
    </li>
  );
}

function noteHeadline(n: IncidentNoteDTO) {
  const parts = [];
  if (n.toState) parts.push(n.fromState ? `${INCIDENT_STATE_LABEL[n.fromState]} → ${INCIDENT_STATE_LABEL[n.toState]}` : `Opened (${INCIDENT_STATE_LABEL[n.toState].toLowerCase()})`);
  if (n.severity) parts.push(`Sev ${n.severity}`);
  return parts.join(" · ");
}

function Timeline({ notes, zone }: { notes: IncidentNoteDTO[]; zone: string }) {
  return (
    <ol aria-label="Timeline" className="space-y-3 border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
      {notes.map((n) => (
        <li key={n.id} className="text-sm">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{n.authorName ?? "A former member"}</span> · <TimeStamp at={n.at} zone={zone} />
            {noteHeadline(n) && <span> · {noteHeadline(n)}</span>}
          </p>
          {n.body && <p className="mt-0.5 whitespace-pre-wrap break-words">{n.body}</p>}
        </li>
      ))}
    </ol>
  );
}

function NoteForm({ launchId, incident }: { launchId: string; incident: IncidentDTO }) {
  const { run, pending, errors } = useAction();
  const [body, setBody] = useState("");
  const id = `note-${incident.id}`;
  return (
    <form
      className="space-y-2"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        run(() => noteIncidentAction({ launchId, incidentId: incident.id, body }), { showsFieldErrors: true, onSuccess: () => setBody("") });
      }}
    >
      <Field id={id} label="Add a note" errors={errors.body}>
        <Textarea value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} required className="min-h-16" {...fieldAria(id, errors.body)} />
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-busy={pending}>Add note</Button>
    </form>
  );
}

function UpdateForm({ launchId, incident: i, members }: { launchId: string; incident: IncidentDTO; members: MemberRow[] }) {
  const { run, pending, errors } = useAction();
  const p = `upd-${i.id}`;
  return (
    <form
      aria-label={`Update incident #${i.number}`}
      // Remounted on each new version, so the fields show what the log now says.
      key={i.version}
      className="grid gap-3 rounded-md bg-white p-3 ring-1 ring-zinc-200 sm:grid-cols-2 dark:bg-zinc-900 dark:ring-zinc-800"
      data-saving={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run(
          () =>
            updateIncidentAction({
              launchId, incidentId: i.id, version: i.version,
              title: String(f.get("title") ?? ""),
              severity: Number(f.get("severity")),
              state: f.get("state") as IncidentDTO["state"],
              ownerId: String(f.get("ownerId") ?? ""),
              releaseRelated: f.get("releaseRelated") === "on",
              rollbackTrigger: f.get("rollbackTrigger") === "on",
              note: String(f.get("note") ?? ""),
            }),
          { success: `Incident #${i.number} updated`, showsFieldErrors: true },
        );
      }}
    >
      <p className="text-sm font-semibold sm:col-span-2">Update</p>
      <Field id={`${p}-title`} label="Title" errors={errors.title} className="sm:col-span-2">
        <Input name="title" defaultValue={i.title} required maxLength={140} {...fieldAria(`${p}-title`, errors.title)} />
      </Field>
      <Field id={`${p}-state`} label="State" errors={errors.state}>
        <Select name="state" defaultValue={i.state} {...fieldAria(`${p}-state`, errors.state)}>
          {INCIDENT_STATES.map((s) => (
            <option key={s} value={s}>{INCIDENT_STATE_LABEL[s]}</option>
          ))}
        </Select>
      </Field>
      <Field id={`${p}-severity`} label="Severity" errors={errors.severity}>
        <Select name="severity" defaultValue={String(i.severity)} {...fieldAria(`${p}-severity`, errors.severity)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>{SEVERITY_LABEL[s]}</option>
          ))}
        </Select>
      </Field>
      <Field id={`${p}-owner`} label="Owner" errors={errors.ownerId}>
        <Select name="ownerId" defaultValue={i.ownerId ?? ""} {...fieldAria(`${p}-owner`, errors.ownerId)}>
          <OwnerOptions members={members} />
        </Select>
      </Field>
      <fieldset className="space-y-2 self-end">
        <legend className="sr-only">Flags</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="releaseRelated" defaultChecked={i.releaseRelated} className="size-4 accent-accent-600" /> Caused by this release
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="rollbackTrigger" defaultChecked={i.rollbackTrigger} className="size-4 accent-accent-600" /> Rollback trigger
        </label>
      </fieldset>
      <Field id={`${p}-note`} label="Note for the timeline (optional)" errors={errors.note} className="sm:col-span-2">
        <Textarea name="note" maxLength={4000} className="min-h-16" {...fieldAria(`${p}-note`, errors.note)} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>Save changes</Button>
      </div>
    </form>
  );
}
