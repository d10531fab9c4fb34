"use client";
import { RefreshCw, RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { TimeStamp } from "@/components/time-stamp";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "@/lib/webhooks/queries";
import { WEBHOOK_LOG_DAYS } from "@/lib/webhooks/retention";
import { webhookActions } from "./webhook-actions";

const STATUS: Record<WebhookDeliveryRow["status"], { tone: Tone; label: string }> = {
  PENDING: { tone: "amber", label: "Retrying" },
  DELIVERED: { tone: "green", label: "Delivered" },
  FAILED: { tone: "red", label: "Failed" },
  CANCELLED: { tone: "grey", label: "Cancelled" },
};

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The latest deliveries: outcome, HTTP status, response time, attempts, next attempt; resend when finished. */
export function DeliveryLog({ launchId, deliveries, endpoints, zone }: { launchId: string | null; deliveries: WebhookDeliveryRow[]; endpoints: WebhookEndpointRow[]; zone: string }) {
  const hosts = new Map(endpoints.map((e) => [e.id, hostOf(e.url)]));
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  // Attempts are made by the job workers, not by people: they are not live events, so the log is reloaded on demand.
  const reload = (
    <Button size="sm" variant="ghost" pending={refreshing} onClick={() => startRefresh(() => router.refresh())}>
      <RefreshCw className="size-4" aria-hidden /> Refresh
    </Button>
  );
  return (
    <Card aria-labelledby="webhook-deliveries">
      <CardHeader id="webhook-deliveries" title="Delivery log" description={`The latest ${deliveries.length} messages, newest first. Finished deliveries are kept for ${WEBHOOK_LOG_DAYS} days.`} actions={reload} />
      {deliveries.length === 0 ? (
        <EmptyState title="Nothing sent yet">Deliveries appear here when a subscribed event happens. Use “Send test” on a webhook to try it now.</EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {deliveries.map((d) => <DeliveryRow key={d.id} launchId={launchId} delivery={d} host={hosts.get(d.endpointId) ?? ""} zone={zone} />)}
        </ul>
      )}
    </Card>
  );
}

function DeliveryRow({ launchId, delivery: d, host, zone }: { launchId: string | null; delivery: WebhookDeliveryRow; host: string; zone: string }) {
  const resend = useAction();
  const s = STATUS[d.status];
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-saving={resend.pending || undefined}>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={s.tone}>{s.label}</Badge>
          <span className="font-mono text-xs break-all">{d.type}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400 break-all">→ {host}</span>
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          <TimeStamp at={d.createdAt} zone={zone} />
        </p>
        <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          <div className="flex gap-1"><dt>HTTP</dt><dd className="font-medium text-zinc-800 dark:text-zinc-200">{d.lastStatus ?? "—"}</dd></div>
          <div className="flex gap-1"><dt>Time</dt><dd className="font-medium text-zinc-800 dark:text-zinc-200">{d.lastMs !== null ? `${d.lastMs} ms` : "—"}</dd></div>
          <div className="flex gap-1"><dt>Attempts</dt><dd className="font-medium text-zinc-800 dark:text-zinc-200">{d.attempts}</dd></div>
          {d.status === "PENDING" && d.nextAttemptAt && (
            <div className="flex gap-1"><dt>Next attempt</dt><dd><TimeStamp at={d.nextAttemptAt} zone={zone} /></dd></div>
          )}
        </dl>
        {d.lastError && d.status !== "DELIVERED" && <p className="text-xs text-red-700 break-words dark:text-red-400">{d.lastError}</p>}
      </div>
      {(d.status === "FAILED" || d.status === "DELIVERED" || d.status === "CANCELLED") && (
        <Button
          size="sm"
          variant="secondary"
          pending={resend.pending}
          aria-label={`Resend ${d.type} to ${host}`}
          onClick={() => resend.run(() => webhookActions(launchId).resend(d.id), { success: "Queued to send again", refresh: true })}
        >
          <RotateCw className="size-4" aria-hidden /> Resend
        </Button>
      )}
    </li>
  );
}
