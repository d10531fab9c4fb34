import "server-only";
import { env } from "@/lib/env";
import { eventForNonManagers } from "@/lib/launches/event-privacy";
import { renderBody, type WebhookMessage } from "./format";

// Turns an event into the body one endpoint receives. A receiver is outside the team: it reads events as
// a non-manager would (no invited addresses), and never a secret (no event carries one).

export type EventForWebhook = { id: string | null; launchId: string | null; type: string; payload: Record<string, unknown>; at: Date };

export function launchLink(launchId: string | null): string | null {
  const base = env().BETTER_AUTH_URL;
  return base && launchId ? `${base.replace(/\/+$/, "")}/launches/${encodeURIComponent(launchId)}` : null;
}

export function messageFor(event: EventForWebhook, launchName: string | null): WebhookMessage {
  const shown = eventForNonManagers({ type: event.type, payload: event.payload });
  return { type: event.type, at: event.at, launchId: event.launchId, launchName, eventId: event.id, payload: shown.payload, link: launchLink(event.launchId) };
}

export function bodyFor(format: "STANDARD" | "SLACK" | "TEAMS", event: EventForWebhook, launchName: string | null): string {
  return renderBody(format, messageFor(event, launchName));
}
