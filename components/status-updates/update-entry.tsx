import type { ReactNode } from "react";
import { TimeStamp } from "@/components/time-stamp";
import type { Impact, UpdateState } from "@/lib/status-updates/schema";
import { ImpactBadge, StateBadge } from "./update-badges";

/** What one timeline entry shows: the overview passes its DTO, the share page its allow-listed one. */
export type UpdateView = {
  id: string;
  title: string;
  message: string;
  impact: Impact;
  state: UpdateState;
  components: string[];
  authorName?: string | null;
  createdAt: string;
  updatedAt: string;
};

export function UpdateEntry({ update, zone, actions, large = false }: { update: UpdateView; zone: string; actions?: ReactNode; large?: boolean }) {
  const edited = update.updatedAt !== update.createdAt;
  return (
    <article className="min-w-0 space-y-1.5" data-update-id={update.id}>
      <div className="flex flex-wrap items-center gap-1.5">
        <StateBadge state={update.state} />
        <ImpactBadge impact={update.impact} />
      </div>
      <h3 className={large ? "text-2xl font-semibold break-words" : "text-sm font-semibold break-words"}>{update.title}</h3>
      {update.message && <p className={`whitespace-pre-line break-words ${large ? "text-xl" : "text-sm"} text-zinc-700 dark:text-zinc-300`}>{update.message}</p>}
      {update.components.length > 0 && (
        <p className={`${large ? "text-lg" : "text-xs"} text-zinc-600 dark:text-zinc-400`}>
          <span className="font-medium">Affected:</span> {update.components.join(", ")}
        </p>
      )}
      <div className={`flex flex-wrap items-center gap-x-2 gap-y-1 ${large ? "text-lg" : "text-xs"} text-zinc-600 dark:text-zinc-400`}>
        <TimeStamp at={update.createdAt} zone={zone} />
        {update.authorName && <span>by {update.authorName}</span>}
        {edited && <span>(edited)</span>}
        {actions}
      </div>
    </article>
  );
}
