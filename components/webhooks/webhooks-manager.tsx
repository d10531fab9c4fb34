"use client";
import { Webhook } from "lucide-react";
import { useState } from "react";
import { TimeStamp } from "@/components/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "@/lib/webhooks/queries";
import { MAX_ENDPOINTS_PER_LAUNCH } from "@/lib/webhooks/schema";
import { DeliveryLog } from "./delivery-log";
import { ShownOnce } from "@/components/ui/shown-once";
import { webhookActions } from "./webhook-actions";
import { WebhookForm } from "./webhook-form";

type Shown = { title: string; secret: string; note: string };

const FORMAT_SHORT: Record<WebhookEndpointRow["format"], string> = { STANDARD: "Standard Webhooks", SLACK: "Slack", TEAMS: "Teams" };

/** A launch's webhooks: add (the secret is shown once), list, edit, test, rotate, turn off, delete; the log. */
export function WebhooksManager({
  launchId,
  endpoints,
  deliveries,
  zone,
  readOnly,
}: {
  launchId: string | null;
  endpoints: WebhookEndpointRow[];
  deliveries: WebhookDeliveryRow[];
  zone: string;
  readOnly: boolean;
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  const full = endpoints.length >= MAX_ENDPOINTS_PER_LAUNCH;
  return (
    <div className="space-y-5">
      <Card aria-labelledby="new-webhook">
        <CardHeader
          id="new-webhook"
          title={launchId ? "Send this launch's changes to other tools" : "Send every launch's changes to other tools"}
          description="Liftoff POSTs each chosen event to your URL, signed per Standard Webhooks (headers webhook-id, webhook-timestamp, webhook-signature), and retries with backoff. Slack and Teams formats post a readable message. Private and internal addresses are refused."
        />
        {readOnly ? (
          <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">This launch is closed; webhooks cannot be added. Existing ones can be turned off or deleted.</p>
        ) : full ? (
          <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400">{launchId ? "This launch" : "The instance"} has {MAX_ENDPOINTS_PER_LAUNCH} webhooks, the most it can have. Delete one to add another.</p>
        ) : (
          <WebhookForm
            launchId={launchId}
            onCreated={(secret) =>
              setShown({ title: "Webhook added: copy its signing secret now", secret, note: "Your receiver verifies signatures with it. It is shown only once; lost it? Rotate the secret." })
            }
          />
        )}
      </Card>
      {shown && <ShownOnce title={shown.title} note={shown.note} value={shown.secret} label="Signing secret" testId="webhook-secret" onDone={() => setShown(null)} />}
      <Card aria-labelledby="webhook-list">
        <CardHeader id="webhook-list" title="Webhooks" description={`${endpoints.filter((e) => e.enabled).length} on, ${endpoints.length} in all`} />
        {endpoints.length === 0 ? (
          <EmptyState icon={<Webhook className="size-8" />} title="No webhooks yet">Add one above to tell your pipeline or chat channel when {launchId ? "this launch changes" : "any launch changes"}.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {endpoints.map((e) => (
              <EndpointRow
                key={e.id}
                launchId={launchId}
                endpoint={e}
                zone={zone}
                readOnly={readOnly}
                onRotated={(secret, until) =>
                  setShown({ title: "New signing secret: copy it now", secret, note: `The previous secret keeps signing too until ${new Date(until).toUTCString()}, so switch your receiver over before then.` })
                }
              />
            ))}
          </ul>
        )}
      </Card>
      <DeliveryLog launchId={launchId} deliveries={deliveries} endpoints={endpoints} zone={zone} />
    </div>
  );
}

function EndpointRow({
  launchId,
  endpoint: e,
  zone,
  readOnly,
  onRotated,
}: {
  launchId: string | null;
  endpoint: WebhookEndpointRow;
  zone: string;
  readOnly: boolean;
  onRotated: (secret: string, until: string) => void;
}) {
  const act = useAction();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const actions = webhookActions(launchId);
  if (editing) {
    return (
      <li aria-label={`Edit webhook ${e.url}`}>
        <WebhookForm launchId={launchId} endpoint={e} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="space-y-2 px-4 py-3" data-saving={act.pending || undefined}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 font-mono text-xs break-all">{e.url}</span>
        {e.enabled ? <Badge tone="green">On</Badge> : <Badge tone="grey" className="whitespace-normal">Off{e.disabledReason ? `: ${e.disabledReason}` : ""}</Badge>}
        <Badge tone="blue">{FORMAT_SHORT[e.format]}</Badge>
      </div>
      {e.previousSecretValidUntil && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Rotated: the previous secret also signs until <TimeStamp at={e.previousSecretValidUntil} zone={zone} />
        </p>
      )}
      {e.description && <p className="text-sm break-words">{e.description}</p>}
      <p className="text-xs text-zinc-600 dark:text-zinc-400 break-words">Events: {e.eventTypes.join(", ")}</p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Added <TimeStamp at={e.createdAt} zone={zone} />
        {e.createdByName && <> by {e.createdByName}</>}
      </p>
      <div className="flex flex-wrap gap-2">
        {confirm === "rotate" ? (
          <>
            <Button size="sm" variant="danger" pending={act.pending} onClick={() => act.run(() => actions.rotate(e.id), { refresh: true, onSuccess: (d) => { setConfirm(null); onRotated(d.secret, d.previousValidUntil); } })}>
              Confirm new secret
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirm(null)}>Keep current</Button>
          </>
        ) : confirm === "delete" ? (
          <>
            <Button size="sm" variant="danger" pending={act.pending} onClick={() => act.run(() => actions.remove(e.id), { success: "Webhook deleted", refresh: true })}>
              Confirm delete
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirm(null)}>Keep</Button>
          </>
        ) : (
          <>
            {!readOnly && <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>Edit</Button>}
            {!readOnly && e.enabled && (
              <Button size="sm" variant="secondary" pending={act.pending} onClick={() => act.run(() => actions.test(e.id), { success: "Test message queued: see the delivery log", refresh: true })}>
                Send test
              </Button>
            )}
            {!readOnly && <Button size="sm" variant="secondary" onClick={() => setConfirm("rotate")}>Rotate secret</Button>}
            {(e.enabled || !readOnly) && (
              <Button size="sm" variant="secondary" pending={act.pending} onClick={() => act.run(() => actions.setEnabled(e.id, !e.enabled), { success: e.enabled ? "Webhook turned off" : "Webhook turned on", refresh: true })}>
                {e.enabled ? "Turn off" : "Turn on"}
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={() => setConfirm("delete")} aria-label={`Delete webhook ${e.url}`}>Delete</Button>
          </>
        )}
      </div>
    </li>
  );
}
