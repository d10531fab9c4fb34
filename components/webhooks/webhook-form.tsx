"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, fieldAria } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { WebhookEndpointRow } from "@/lib/webhooks/queries";
import { webhookActions } from "./webhook-actions";
import { FORMAT_LABEL, MAX_WEBHOOK_DESCRIPTION, MAX_WEBHOOK_URL, WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS, type WebhookEventType } from "@/lib/webhooks/schema";

type Format = (typeof WEBHOOK_FORMATS)[number];

/** Creates an endpoint (then `onCreated` shows its secret once) or edits one at the version it was read. */
export function WebhookForm({
  launchId,
  endpoint,
  onCreated,
  onDone,
}: {
  launchId: string | null;
  endpoint?: WebhookEndpointRow;
  onCreated?: (secret: string) => void;
  onDone?: () => void;
}) {
  const save = useAction();
  const router = useRouter();
  const prefix = endpoint ? `webhook-${endpoint.id}` : "webhook-new";
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [format, setFormat] = useState<Format>(endpoint?.format ?? "STANDARD");
  const [types, setTypes] = useState<WebhookEventType[]>(endpoint?.eventTypes ?? ["launch.status_changed", "go.decided"]);
  const toggle = (t: WebhookEventType, on: boolean) => setTypes((cur) => (on ? [...cur, t] : cur.filter((x) => x !== t)));
  return (
    <form
      className="grid gap-3 p-4 sm:grid-cols-2"
      data-saving={save.pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        const fields = { url, description, format, eventTypes: types };
        const actions = webhookActions(launchId);
        if (endpoint) {
          save.run(() => actions.edit({ ...fields, endpointId: endpoint.id, version: endpoint.version }), {
            showsFieldErrors: true,
            refresh: true,
            success: "Webhook saved",
            onSuccess: () => onDone?.(),
            // Someone else saved first: the toast says what changed; the page reloads the endpoint (and its
            // version) beneath this form, which keeps what was typed, so saving again is a decision.
            onError: (failure) => void (failure.code === "CONFLICT" && router.refresh()),
          });
        } else {
          save.run(() => actions.create(fields), {
            showsFieldErrors: true,
            refresh: true,
            onSuccess: ({ secret }) => {
              onCreated?.(secret);
              setUrl("");
              setDescription("");
            },
          });
        }
      }}
    >
      <Field id={`${prefix}-url`} label="Endpoint URL" hint="Where Liftoff POSTs each event, e.g. https://ci.example.com/hooks/liftoff" errors={save.errors.url} className="sm:col-span-2">
        <Input {...fieldAria(`${prefix}-url`, save.errors.url)} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} maxLength={MAX_WEBHOOK_URL} required className="font-mono text-xs" />
      </Field>
      <Field id={`${prefix}-description`} label="Description" hint="Optional: what it feeds" errors={save.errors.description}>
        <Input {...fieldAria(`${prefix}-description`, save.errors.description)} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={MAX_WEBHOOK_DESCRIPTION} />
      </Field>
      <Field id={`${prefix}-format`} label="Format" errors={save.errors.format}>
        <Select {...fieldAria(`${prefix}-format`, save.errors.format)} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          {WEBHOOK_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_LABEL[f]}</option>)}
        </Select>
      </Field>
      <fieldset className="sm:col-span-2" aria-describedby={save.errors.eventTypes?.length ? `${prefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Events</legend>
        <div className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
          {WEBHOOK_EVENT_TYPES.map((t) => (
            <label key={t} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-accent-600" checked={types.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
              <span className="font-mono text-xs break-all">{t}</span>
            </label>
          ))}
        </div>
        {save.errors.eventTypes?.map((m) => (
          <p key={m} id={`${prefix}-events-error`} role="alert" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">{m}</p>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" pending={save.pending}>{endpoint ? "Save webhook" : "Add webhook"}</Button>
        {onDone && endpoint && <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>}
      </div>
    </form>
  );
}
