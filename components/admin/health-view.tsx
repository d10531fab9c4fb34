import { AlertTriangle, CheckCircle2, RefreshCw } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { InstanceHealth, Level, QueueCounts } from "@/lib/admin/health";
import { ROUND_TRIP_SAMPLES } from "@/lib/admin/round-trip";
import { formatInZone } from "@/lib/time/format";

// Server-rendered readings of lib/admin/health.ts. Instance-wide, so times are in UTC and say so.
const at = (d: Date) => `${formatInZone(d, "UTC", { seconds: true, zone: false })} UTC`;
const n = (v: number) => v.toLocaleString("en-GB");

function LevelBadge({ level }: { level: Level }) {
  return level === "ok" ? (
    <Badge tone="green" icon={<CheckCircle2 className="size-3.5" aria-hidden />}>
      OK
    </Badge>
  ) : (
    <Badge tone="amber" icon={<AlertTriangle className="size-3.5" aria-hidden />}>
      Warning
    </Badge>
  );
}

function Figure({ id, title, level, note, children }: { id: string; title: string; level: Level; note: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={`health-${id}`} data-testid={`health-${id}`}>
      <CardHeader id={`health-${id}`} title={title} actions={<LevelBadge level={level} />} />
      <div className="space-y-3 px-4 py-3 text-sm">
        <p className={level === "ok" ? "text-zinc-700 dark:text-zinc-300" : "font-medium text-amber-900 dark:text-amber-200"}>{note}</p>
        {children}
      </div>
    </Card>
  );
}

/** Label/value pairs that wrap as a column on a phone. */
function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0 break-words tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function NameList({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <div>
      <p className="font-medium">{label}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-all">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </div>
  );
}

function QueueRow({ q }: { q: QueueCounts }) {
  const parts: [string, number][] = [
    ["queued", q.queued],
    ["active", q.active],
    ["retrying", q.retry],
    ["failed", q.failed],
    ["scheduled later", q.scheduled],
  ];
  return (
    <li className="py-2">
      <p className="font-mono text-xs font-medium">{q.queue}</p>
      <p className="mt-0.5 flex flex-wrap gap-x-3 text-zinc-600 dark:text-zinc-400">
        {parts.map(([label, v]) => (
          <span key={label} className={label === "failed" && v > 0 ? "font-medium text-amber-900 dark:text-amber-200" : undefined}>
            <span className="tabular-nums">{n(v)}</span> {label}
          </span>
        ))}
      </p>
      {q.oldestQueuedAt && <p className="text-xs text-zinc-500 dark:text-zinc-400">Oldest waiting since {at(q.oldestQueuedAt)}</p>}
    </li>
  );
}

export function HealthView({ health }: { health: InstanceHealth }) {
  const { database, migrations, listener, queues, webhooks } = health;
  const warnings = [database, migrations, listener, queues, webhooks].filter((f) => f.level === "warning").length;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p role="status" className="min-w-0">
          {warnings === 0 ? "All five checks are OK." : `${warnings} of five checks ${warnings === 1 ? "needs" : "need"} a look.`} Read on this instance at{" "}
          <time dateTime={health.readAt.toISOString()} className="font-medium">
            {at(health.readAt)}
          </time>
          .
        </p>
        {/* A plain link: a full request, so every figure is read again. */}
        <a
          href="/admin/health"
          className="inline-flex h-10 items-center gap-2 rounded-md px-3.5 font-medium text-zinc-900 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800"
        >
          <RefreshCw className="size-4" aria-hidden /> Refresh
        </a>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Figure id="database" title="Database" level={database.level} note={database.note}>
          <Facts
            items={[
              ["Reachable", database.reachable ? "Yes" : "No"],
              ["Server version", database.serverVersion ?? "—"],
              [`select 1, fastest of ${ROUND_TRIP_SAMPLES}`, database.latencyMs === null ? "—" : `${database.latencyMs} ms`],
            ]}
          />
        </Figure>
        <Figure id="migrations" title="Migrations" level={migrations.level} note={migrations.note}>
          <Facts items={[["Applied", `${n(migrations.applied)} of ${n(migrations.onDisk)} on disk`]]} />
          <NameList label="Pending" names={migrations.pending} />
          <NameList label="Failed (started, never finished)" names={migrations.failed} />
          <NameList label="Changed after being applied" names={migrations.modified} />
        </Figure>
        <Figure id="live" title="Live updates on this instance" level={listener.level} note={listener.note}>
          <Facts
            items={[
              ["Listener", listener.state === "listening" ? "Connected" : listener.state === "connecting" ? "Reconnecting" : "Not started"],
              ["Connected since", listener.listeningSince ? at(listener.listeningSince) : "—"],
              ["Reconnects", n(listener.reconnects)],
              ["Events relayed", n(listener.eventsRelayed)],
              ["Open streams", `${n(listener.streams)} on ${n(listener.launches)} ${listener.launches === 1 ? "launch" : "launches"}`],
            ]}
          />
        </Figure>
        <Figure id="webhooks" title="Outgoing webhooks" level={webhooks.level} note={webhooks.note}>
          <Facts
            items={[
              ["Waiting or retrying", n(webhooks.pending)],
              ["Gave up (24 h)", n(webhooks.failed)],
              ["Oldest waiting", webhooks.oldestPendingAt ? at(webhooks.oldestPendingAt) : "—"],
            ]}
          />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Outgoing mail is the mail.send queue below.</p>
        </Figure>
        <Figure id="jobs" title="Job queues" level={queues.level} note={queues.note}>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Job queues">
            {queues.queues.map((q) => (
              <QueueRow key={q.queue} q={q} />
            ))}
          </ul>
        </Figure>
      </div>
    </div>
  );
}
