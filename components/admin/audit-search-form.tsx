import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { AUDIT_TEXT_MAX, type AuditParams } from "@/lib/admin/audit.schema";
import { AuditZoneSelect } from "./audit-zone-select";

type Errors = Record<string, string[]>;

// Text, not datetime-local: its picker follows the browser's 12/24-hour locale; the app is 24-hour.
const WALL = "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2})?";
const WALL_TITLE = "A date and a 24-hour time, such as 2026-12-01 14:30";
const wallProps = { type: "text", inputMode: "numeric", placeholder: "YYYY-MM-DD HH:mm", pattern: WALL, title: WALL_TITLE, maxLength: 16, autoComplete: "off" } as const;

/** Types grouped by their first word ("checklist.", "item."), each group led by its prefix as a choice. */
function TypeOptions({ types, current }: { types: string[]; current?: string }) {
  const groups = new Map<string, string[]>();
  for (const t of types) {
    const prefix = t.includes(".") ? `${t.slice(0, t.indexOf("."))}.` : t;
    groups.set(prefix, [...(groups.get(prefix) ?? []), t]);
  }
  const known = current === undefined || types.includes(current) || groups.has(current);
  return (
    <>
      <option value="">Any type</option>
      {!known && <option value={current}>{current}</option>}
      {[...groups].map(([prefix, members]) => (
        <optgroup key={prefix} label={prefix.endsWith(".") ? `${prefix}*` : prefix}>
          {prefix.endsWith(".") && <option value={prefix}>{`Any ${prefix}* type`}</option>}
          {members.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** A GET form: the search lives in the URL, so it can be linked to and the back button steps through searches. */
export function AuditSearchForm({ params, types, zones, errors = {} }: { params: AuditParams; types: string[]; zones: string[]; errors?: Errors }) {
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Audit search" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Field id="audit-actor" label="Actor" hint="Name or email; an exact email picks one person" errors={errors.actor}>
        <Input {...fieldAria("audit-actor", errors.actor)} name="actor" type="search" defaultValue={params.actor} maxLength={AUDIT_TEXT_MAX} autoComplete="off" />
      </Field>
      <Field id="audit-type" label="Event type" hint="One type, or every type under a prefix" errors={errors.type}>
        <Select {...fieldAria("audit-type", errors.type)} name="type" defaultValue={params.type ?? ""}>
          <TypeOptions types={types} current={params.type || undefined} />
        </Select>
      </Field>
      <Field id="audit-launch" label="Launch" hint="Name or id; leave empty for every launch and instance-wide events" errors={errors.launch}>
        <Input {...fieldAria("audit-launch", errors.launch)} name="launch" type="search" defaultValue={params.launch} maxLength={AUDIT_TEXT_MAX} autoComplete="off" />
      </Field>
      <Field id="audit-from" label="From" hint="Inclusive; 24-hour, in the time zone below" errors={errors.from}>
        <Input {...fieldAria("audit-from", errors.from)} name="from" {...wallProps} defaultValue={params.from} />
      </Field>
      <Field id="audit-to" label="To" hint="Exclusive: events before this minute" errors={errors.to}>
        <Input {...fieldAria("audit-to", errors.to)} name="to" {...wallProps} defaultValue={params.to} />
      </Field>
      <Field id="audit-tz" label="Time zone" hint="From and To are read in it; times below are shown in it" errors={errors.tz}>
        <AuditZoneSelect id="audit-tz" initial={errors.tz ? undefined : params.tz} zones={zones} describedBy={errors.tz ? "audit-tz-error" : "audit-tz-hint"} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <Button type="submit">Search</Button>
        <Link href="/admin/audit" className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
