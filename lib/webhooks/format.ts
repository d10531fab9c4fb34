// The bodies webhooks send. Pure: unit-tested beside. Payloads reach here already stripped of what only
// managers may read (lib/launches/event-privacy.ts): a receiver is outside the team.

export type WebhookMessage = {
  type: string;
  at: Date;
  launchId: string | null;
  launchName: string | null;
  eventId: string | null;
  payload: Record<string, unknown>;
  /** Link to the launch in Liftoff, when the instance knows its public URL. */
  link: string | null;
};

/** The Standard Webhooks envelope: stable for machines. */
export function standardBody(m: WebhookMessage) {
  return { type: m.type, timestamp: m.at.toISOString(), data: { launchId: m.launchId, eventId: m.eventId, ...m.payload } };
}

const MAX_FACTS = 8;
const MAX_FACT_LENGTH = 200;

/** "item.status_changed" -> "Item status changed". */
export function humanType(type: string): string {
  const words = type.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Short scalar payload fields as label/value pairs, for chat messages. */
export function facts(payload: Record<string, unknown>): { title: string; value: string }[] {
  const out: { title: string; value: string }[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (out.length >= MAX_FACTS) break;
    if (/^ids?$|Ids?$/.test(key)) continue; // ids mean nothing to a reader of a chat channel
    let text: string | null = null;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") text = String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) text = value.join(", ");
    if (text === null || text === "") continue;
    const title = humanType(key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
    out.push({ title, value: text.length > MAX_FACT_LENGTH ? `${text.slice(0, MAX_FACT_LENGTH - 1)}…` : text });
  }
  return out;
}

export function headline(m: WebhookMessage): string {
  return m.launchName ? `${m.launchName}: ${humanType(m.type)}` : humanType(m.type);
}

/** Slack mrkdwn treats &, < and > as markup. */
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming-webhook message: `text` for notifications, `blocks` for the channel. */
export function slackBody(m: WebhookMessage) {
  const title = slackEscape(headline(m));
  const lines = facts(m.payload).map((f) => `*${slackEscape(f.title)}:* ${slackEscape(f.value)}`);
  const context = [`Liftoff · ${m.at.toISOString()}`];
  if (m.link) context.push(`<${m.link}|Open in Liftoff>`);
  return {
    text: title,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${title}*${lines.length ? `\n${lines.join("\n")}` : ""}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] },
    ],
  };
}

/** A Microsoft Teams Workflows ("When a Teams webhook request is received") message: one Adaptive Card. */
export function teamsBody(m: WebhookMessage) {
  const body: Record<string, unknown>[] = [
    { type: "TextBlock", text: headline(m), weight: "Bolder", size: "Medium", wrap: true },
    { type: "TextBlock", text: `Liftoff · ${m.at.toISOString()}`, isSubtle: true, spacing: "None", wrap: true },
  ];
  const f = facts(m.payload);
  if (f.length) body.push({ type: "FactSet", facts: f });
  const content: Record<string, unknown> = { $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.4", body };
  if (m.link) content.actions = [{ type: "Action.OpenUrl", title: "Open in Liftoff", url: m.link }];
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content }] };
}

export function renderBody(format: "STANDARD" | "SLACK" | "TEAMS", m: WebhookMessage): string {
  const body = format === "SLACK" ? slackBody(m) : format === "TEAMS" ? teamsBody(m) : standardBody(m);
  return JSON.stringify(body);
}
