import { ScrollText } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import type { AuditLaunch, AuditPerson, AuditResult, AuditRow } from "@/lib/admin/audit";
import { auditHref, type AuditParams } from "@/lib/admin/audit.schema";
import { formatInZone } from "@/lib/time/format";

const link = "font-medium text-accent-600 hover:underline dark:text-accent-400";

/** The people or launches a free-text filter matched, each a link that narrows the search to it. */
function Matches({ label, items, param, params }: { label: string; items: { key: string; text: string; value: string }[]; param: "actor" | "launch"; params: AuditParams }) {
  if (items.length < 2) return null;
  return (
    <nav aria-label={label} className="border-b border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
      <p className="text-zinc-700 dark:text-zinc-300">{label}: pick one to narrow the search.</p>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {items.map((m) => (
          <li key={m.key} className="min-w-0 [overflow-wrap:anywhere]">
            <Link href={auditHref(params, { [param]: m.value, before: "" })} className={link}>
              {m.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const people = (p: AuditPerson[]) => p.map((x) => ({ key: x.id, text: `${x.name} (${x.email})`, value: x.email }));
const launches = (l: AuditLaunch[]) => l.map((x) => ({ key: x.id, text: x.name, value: x.id }));

function Row({ row, zone }: { row: AuditRow; zone: string }) {
  const json = JSON.stringify(row.payload, null, 2);
  return (
    <li className="px-4 py-3 text-sm" data-testid="audit-row">
      <p className="[overflow-wrap:anywhere]">
        <span className="font-medium">{row.actor?.name ?? (row.actorId ? "Former user" : "Liftoff")}</span> {row.summary}
      </p>
      <dl className="mt-1.5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Time</dt>
        <dd>
          <time dateTime={row.at.toISOString()}>{formatInZone(row.at, zone, { seconds: true })}</time>
        </dd>
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Actor</dt>
        <dd className="[overflow-wrap:anywhere]">
          {row.actor ? `${row.actor.name} · ${row.actor.email}` : row.actorId ? `Unknown account ${row.actorId}` : "Liftoff (system)"}
        </dd>
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Type</dt>
        <dd className="[overflow-wrap:anywhere]">
          <code className="font-mono">{row.type}</code>
        </dd>
        <dt className="font-medium text-zinc-700 dark:text-zinc-300">Launch</dt>
        <dd className="[overflow-wrap:anywhere]">
          {row.launch ? (
            <Link href={`/launches/${row.launch.id}`} className={link}>
              {row.launch.name}
            </Link>
          ) : (
            "Instance-wide"
          )}
        </dd>
      </dl>
      <details className="mt-1.5 text-xs">
        <summary className="cursor-pointer text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
          Raw record <span className="sr-only">of event {row.id}</span>
        </summary>
        <pre className="mt-1 rounded-md bg-zinc-50 p-2 font-mono whitespace-pre-wrap text-zinc-800 [overflow-wrap:anywhere] dark:bg-zinc-950 dark:text-zinc-200">
          {`event ${row.id}\n${json}`}
        </pre>
      </details>
    </li>
  );
}

export function AuditResults({ result, params }: { result: AuditResult; params: AuditParams }) {
  const { rows, search } = result;
  return (
    <>
      {result.actorMatches && <Matches label="People matching the actor" items={people(result.actorMatches)} param="actor" params={params} />}
      {result.launchMatches && <Matches label="Launches matching the launch" items={launches(result.launchMatches)} param="launch" params={params} />}
      {rows.length === 0 ? (
        <EmptyState icon={<ScrollText className="size-8" />} title="No events match">
          {result.actorMatches?.length === 0
            ? `Nobody’s name or email contains “${search.actor}”.`
            : result.launchMatches?.length === 0
              ? `No launch’s name contains “${search.launch}”.`
              : search.before
                ? "There are no older events for this search."
                : "Widen the time range or clear a filter."}
        </EmptyState>
      ) : (
        <ol aria-label="Events, newest first" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <Row key={row.id} row={row} zone={search.tz} />
          ))}
        </ol>
      )}
      {(search.before || result.nextCursor) && (
        <nav aria-label="Pages" className="flex justify-between gap-2 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
          {search.before ? (
            <Link href={auditHref(params, { before: "" })} className={link}>
              Newest
            </Link>
          ) : (
            <span />
          )}
          {result.nextCursor && (
            <Link href={auditHref(params, { before: result.nextCursor })} className={link} rel="next">
              Older
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
