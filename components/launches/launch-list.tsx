import Link from "next/link";
import { CalendarClock, ChevronRight, Globe, Users } from "lucide-react";
import { LaunchStatusBadge } from "@/components/launch-status-badge";
import { Badge } from "@/components/ui/badge";
import { READINESS_META } from "@/components/readiness/readiness-meta";
import { TimeStamp } from "@/components/time-stamp";
import { ROLE_LABEL } from "@/lib/domain/roles";
import type { LaunchSummary } from "@/lib/launches/dto";

export function LaunchList({ launches }: { launches: LaunchSummary[] }) {
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3" aria-label="Your launches">
      {launches.map((l) => (
        <li key={l.id}>
          <Link
            href={`/launches/${l.id}`}
            className="group flex h-full flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-zinc-200 transition hover:ring-accent-400 dark:bg-zinc-900 dark:ring-zinc-800 dark:hover:ring-accent-500"
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="truncate font-semibold group-hover:text-accent-700 dark:group-hover:text-accent-300">{l.name}</h2>
                <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{l.system}</p>
              </div>
              <LaunchStatusBadge status={l.status} goOverride={l.goOverride} readiness={l.readiness} />
            </div>
            {l.readiness && <ReadinessLine state={l.readiness} />}
            {l.nextWindow && (
              <p className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                <CalendarClock className="size-3.5 shrink-0" aria-hidden />
                <span>
                  {l.nextWindow.environment}: <TimeStamp at={l.nextWindow.start} zone={l.timeZone} />
                </span>
              </p>
            )}
            <div className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="inline-flex items-center gap-1">
                <Globe className="size-3.5" aria-hidden /> {l.timeZone}
              </span>
              <span className="inline-flex items-center gap-1">
                <Users className="size-3.5" aria-hidden /> {l.memberCount} {l.memberCount === 1 ? "member" : "members"}
              </span>
              {l.role && <Badge tone="accent">You: {ROLE_LABEL[l.role]}</Badge>}
              <ChevronRight className="ml-auto size-4 text-zinc-400 group-hover:text-accent-500" aria-hidden />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ReadinessLine({ state }: { state: keyof typeof READINESS_META }) {
  const meta = READINESS_META[state];
  const Icon = meta.icon;
  return (
    <p className={`flex items-center gap-1.5 text-sm font-semibold ${meta.text}`}>
      <Icon className="size-4" aria-hidden /> {meta.label}
    </p>
  );
}
