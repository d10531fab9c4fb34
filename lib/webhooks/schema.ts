import { z } from "zod";
import { idSchema, isSafeHttpUrl, textSchema } from "@/lib/validation/text";

// Client-safe: the webhook form and its actions share these.

/** The events an endpoint may subscribe to: a go-live's milestones, never people's or secrets' changes. */
export const WEBHOOK_EVENT_TYPES = [
  "launch.status_changed",
  "launch.updated",
  "go.decided",
  "item.status_changed",
  "item.evidence_changed",
  "item.created",
  "item.deleted",
  "item.assigned",
  "items.bulk_updated",
  "signoff.decided",
  "signoff.revoked",
  "signoff.withdrawn",
  "signoff.stale",
  "window.scheduled",
  "window.updated",
  "window.status_changed",
  "window.cancelled",
  "runbook.paused",
  "runbook.resumed",
  "runbook.task_started",
  "runbook.task_finished",
  "runbook.task_failed",
  "runbook.rollback_decided",
  "hypercare.started",
  "hypercare.closed",
  "incident.opened",
  "incident.updated",
  "status_update.posted",
  "status_update.edited",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_FORMATS = ["STANDARD", "SLACK", "TEAMS"] as const;
export const FORMAT_LABEL: Record<(typeof WEBHOOK_FORMATS)[number], string> = {
  STANDARD: "Standard Webhooks (signed JSON)",
  SLACK: "Slack (incoming webhook)",
  TEAMS: "Microsoft Teams (Workflows, Adaptive Card)",
};

export const MAX_ENDPOINTS_PER_LAUNCH = 10;
export const MAX_WEBHOOK_URL = 2000;
export const MAX_WEBHOOK_DESCRIPTION = 500;

const urlSchema = z
  .string({ error: "Enter the endpoint's URL" })
  .trim()
  .min(1, "Enter the endpoint's URL")
  .max(MAX_WEBHOOK_URL, { message: `Keep the URL under ${MAX_WEBHOOK_URL} characters`, abort: true })
  .refine(isSafeHttpUrl, "The URL must be a full http(s) URL without a user name or password, such as https://hooks.example.com/liftoff");

const fields = {
  url: urlSchema,
  description: textSchema({ max: MAX_WEBHOOK_DESCRIPTION, label: "The description" }).default(""),
  eventTypes: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event type" }), { error: "Choose the events to send" })
    .min(1, "Choose at least one event")
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((types) => [...new Set(types)]),
  format: z.enum(WEBHOOK_FORMATS, { error: "Choose a format" }).default("STANDARD"),
};

export const createWebhookSchema = z.object({ launchId: idSchema, ...fields });
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const editWebhookSchema = z.object({
  launchId: idSchema,
  endpointId: idSchema,
  version: z.number({ error: "Missing version" }).int().min(1),
  ...fields,
});
export type EditWebhookInput = z.input<typeof editWebhookSchema>;

export const setWebhookEnabledSchema = z.object({ launchId: idSchema, endpointId: idSchema, enabled: z.boolean({ error: "Choose on or off" }) });
export type SetWebhookEnabledInput = z.input<typeof setWebhookEnabledSchema>;

export const webhookEndpointSchema = z.object({ launchId: idSchema, endpointId: idSchema });
export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;

export const resendWebhookSchema = z.object({ launchId: idSchema, deliveryId: idSchema });
export type ResendWebhookInput = z.input<typeof resendWebhookSchema>;

// Instance-wide endpoints (admins): the same inputs without a launch.
export const createInstanceWebhookSchema = createWebhookSchema.omit({ launchId: true });
export const editInstanceWebhookSchema = editWebhookSchema.omit({ launchId: true });
export const setInstanceWebhookEnabledSchema = setWebhookEnabledSchema.omit({ launchId: true });
export const instanceWebhookEndpointSchema = webhookEndpointSchema.omit({ launchId: true });
export const resendInstanceWebhookSchema = resendWebhookSchema.omit({ launchId: true });
